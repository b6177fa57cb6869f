// Helpers for this folder's tests: an Io that records what a command prints, and the small
// Retrieve program and Markdown corpus the corpus tests share. Not used by the CLI itself.
import { readFile } from 'node:fs/promises';
import type { ProgramGraph } from '../core/program/types';
import type { Io } from './io';

export interface CapturedIo extends Io {
  stdout: string[];
  stderr: string[];
}

/** An Io on the real file system that keeps stdout and stderr lines for the test to read. */
export function captureIo(env: Record<string, string> = {}): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    stopSignal: () => new AbortController().signal,
  };
}

/** Three capitals, one Markdown section each. */
export const CITIES_MARKDOWN = '# Paris\nParis is the capital of France; the Seine flows through it.\n\n# Berlin\nBerlin is the capital of Germany, on the Spree.\n\n# Rome\nRome is the capital of Italy, on the Tiber.\n';

/**
 * Input(query) → Retrieve(k=1 over corpus 'cities', then `config`) → Output(passages): scores
 * the ranking alone, with no LM call.
 */
export function retrieveGraph(config: Record<string, unknown> = {}): ProgramGraph {
  return {
    nodes: [
      { id: 'input', type: 'Input', fields: [{ name: 'query', type: 'str' }] },
      { id: 'r', type: 'Retrieve', name: 'search', signature: { instructions: '', inputs: [{ name: 'query', type: 'str' }], outputs: [{ name: 'passages', type: 'list[str]' }] }, config: { corpusId: 'cities', k: 1, ...config } },
      { id: 'output', type: 'Output', fields: [{ name: 'passages', type: 'list[str]' }] },
    ],
    edges: [
      { id: 'e1', source: 'input', sourceField: 'query', target: 'r', targetField: 'query' },
      { id: 'e2', source: 'r', sourceField: 'passages', target: 'output', targetField: 'passages' },
    ],
  };
}
