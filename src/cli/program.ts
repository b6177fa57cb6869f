import { loadProject, type ProjectFile } from '../core/formats/project';
import { graphFromSignature } from '../core/program/build';
import type { ProgramGraph } from '../core/program/types';
import { parseSignature } from '../core/signature';
import type { Demo } from '../core/signature/types';
import { UsageError } from './args';
import type { Io } from './io';

export interface ProgramFlags {
  signature?: string;
  instructions?: string;
  module?: string;
  project?: string;
}

export const programFlagSpec = {
  signature: { type: 'string' },
  instructions: { type: 'string' },
  module: { type: 'string' },
  project: { type: 'string' },
} as const;

export async function readJsonFile(io: Io, path: string, what: string): Promise<unknown> {
  const bytes = await io.readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${what} ${path} is not UTF-8 text`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The program from `--signature` (one module) or `--project FILE`, exactly one of them. */
export async function loadProgram(flags: ProgramFlags, io: Io, demos: Demo[] = []): Promise<{ graph: ProgramGraph; project?: ProjectFile }> {
  if (flags.signature && flags.project) throw new UsageError('give --signature or --project, not both');
  if (flags.project) {
    const loaded = loadProject(await readJsonFile(io, flags.project, 'project file'));
    if (!loaded.ok) throw new Error(`project file ${flags.project}: ${loaded.error}`);
    return { graph: loaded.value.graph, project: loaded.value };
  }
  if (!flags.signature) throw new UsageError('--signature "a: int, b: int -> sum: int" or --project FILE is required');
  const signature = parseSignature(flags.signature, flags.instructions);
  return { graph: graphFromSignature(signature, { type: flags.module ?? 'Predict', demos }) };
}
