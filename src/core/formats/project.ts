import { z } from 'zod';
import { firstTooDeep, MAX_NESTING, shortJson } from '../nesting';
import type { Dataset } from '../data/types';
import type { ProgramGraph } from '../program/types';
import { corpusSchema, firstDuplicate, type Corpus } from './corpus';

/** The project file: what a user exports and imports. Never holds an API key. */
export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  graph: ProgramGraph;
  datasets: Dataset[];
  /** Non-secret settings: metric id, chosen models, split seed. */
  settings: Record<string, unknown>;
  /** The corpora Retrieve nodes search (see corpus.ts); absent in older files. */
  corpora?: Corpus[];
}

export const PROJECT_FORMAT = 'prompt-studio/project';
export const PROJECT_VERSION = 1;

const field = z.object({ name: z.string(), type: z.string(), desc: z.string().optional() });
const position = z.object({ x: z.number(), y: z.number() }).optional();
const signature = z.object({ instructions: z.string(), inputs: z.array(field), outputs: z.array(field) });
const ioNode = z.object({ id: z.string(), type: z.enum(['Input', 'Output']), fields: z.array(field), position });
const moduleNode = z.object({
  id: z.string(),
  type: z.string().refine((t) => t !== 'Input' && t !== 'Output'),
  name: z.string(),
  signature,
  demos: z.array(z.record(z.string(), z.unknown())).optional(),
  config: z.record(z.string(), z.unknown()),
  position,
});
const edge = z.object({ id: z.string(), source: z.string(), sourceField: z.string(), target: z.string(), targetField: z.string() });
const example = z.object({ id: z.string(), data: z.record(z.string(), z.unknown()), split: z.enum(['train', 'dev', 'test']).optional() });
const dataset = z.object({ id: z.string(), name: z.string(), fields: z.array(field), inputKeys: z.array(z.string()), rows: z.array(example) });

const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string().min(1),
  graph: z.object({ nodes: z.array(z.union([ioNode, moduleNode])), edges: z.array(edge) }),
  datasets: z.array(dataset).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
  corpora: z.array(corpusSchema).optional(),
});

/** Each migration lifts a file from version N to N+1. Version 1 is the first: none yet. */
const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

export type LoadResult<T> = { ok: true; value: T } | { ok: false; error: string };

const SECRET_KEYS = /^(api[_-]?key|apiKey|authorization|secret|token|password)$/i;

/** Migrate, then validate (STYLE.md 7). Errors name the path of the offending value. */
export function loadProject(input: unknown): LoadResult<ProjectFile> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, error: 'a project file is a JSON object' };
  let file = input as Record<string, unknown>;
  if (file.format !== PROJECT_FORMAT) return { ok: false, error: `not a Prompt Studio project (format is ${shortJson(file.format)}, expected "${PROJECT_FORMAT}")` };
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: `unknown project version ${shortJson(version)}` };
  const deep = firstTooDeep(file);
  if (deep !== undefined) return { ok: false, error: `${deep}: nested more than ${MAX_NESTING} levels deep` };
  if (version > PROJECT_VERSION) return { ok: false, error: `this project was written by a newer Prompt Studio (version ${version}; this one reads up to ${PROJECT_VERSION})` };
  for (let v = version; v < PROJECT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, error: `no migration from project version ${v}` };
    file = { ...migrate(file), version: v + 1 };
  }
  const parsed = projectSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const corpusProblem = duplicateInCorpora(parsed.data.corpora ?? []);
  if (corpusProblem) return { ok: false, error: corpusProblem };
  return { ok: true, value: parsed.data as ProjectFile };
}

function duplicateInCorpora(corpora: readonly Corpus[]): string | undefined {
  const corpus = firstDuplicate(corpora.map((c) => c.id));
  if (corpus !== undefined) return `corpora: the id ${JSON.stringify(corpus)} appears twice`;
  for (const [i, c] of corpora.entries()) {
    const passage = firstDuplicate(c.passages.map((p) => p.id));
    if (passage !== undefined) return `corpora.${i}.passages: the id ${JSON.stringify(passage)} appears twice in corpus ${JSON.stringify(c.id)}`;
  }
  return undefined;
}

/** A deep copy without any property whose name looks like a secret. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_KEYS.test(k)).map(([k, v]) => [k, stripSecrets(v)]));
}

/** Serializes a project. Settings that look like secrets are dropped, at any depth: keys never leave. */
export function saveProject(project: Omit<ProjectFile, 'format' | 'version'>): string {
  const settings = stripSecrets(project.settings) as Record<string, unknown>;
  const file: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, ...project, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}
