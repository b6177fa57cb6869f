import { expose } from 'comlink';
import { parseDataset, type ImportError, type ParseOptions } from '../../core/data';
import type { SplitFractions } from '../../core/data/split';
import type { Dataset } from '../../core/data/types';
// The repository alone, not the db index: the worker then loads no other repository's code.
import { datasetsRepository } from '../../db/datasets';
import { studioDb } from '../../db/schema';
import { applyMapping, type ColumnMapping, type ProgramFields } from './mapping';

/** What the page gets back from a parse: the first rows to preview, never all of them. */
export type WorkerParse = { ok: true; preview: Dataset; rowCount: number; warnings: string[] } | { ok: false; error: ImportError };

/** The rows shown in the column mapper's preview. */
export const PREVIEW_ROWS = 5;

const datasets = datasetsRepository(studioDb);

// The parsed upload stays here until it is saved or the worker is ended: 100k rows never
// cross to the page, so the page's main thread neither clones nor stores them.
let parsed: Dataset | undefined;

/** Parses big uploads and saves them to IndexedDB, and splits big datasets, off the main thread, so the page stays responsive. */
const api = {
  parse(name: string, bytes: Uint8Array, options: Omit<ParseOptions, 'onProgress'>, onProgress: (fraction: number) => void): WorkerParse {
    const result = parseDataset({ name, bytes }, { ...options, onProgress });
    if (!result.ok) return result;
    parsed = result.dataset;
    return { ok: true, preview: { ...parsed, rows: parsed.rows.slice(0, PREVIEW_ROWS) }, rowCount: parsed.rows.length, warnings: result.warnings };
  },

  /** Maps the parsed upload's columns and writes it in one transaction (all or nothing), in chunks. */
  async save(projectId: string, mapping: ColumnMapping, program: ProgramFields, onProgress: (fraction: number) => void): Promise<string> {
    if (!parsed) throw new Error('nothing was parsed in this worker');
    const dataset = applyMapping(parsed, mapping, program);
    await datasets.put(projectId, dataset, { onProgress });
    parsed = undefined;
    return dataset.id;
  },

  /** Gives every row of a stored dataset a seeded split (see split-client.ts: big datasets only). */
  async split(datasetId: string, fractions: SplitFractions, seed: number, onProgress: (fraction: number) => void): Promise<void> {
    await datasets.applySplit(datasetId, fractions, seed, onProgress);
  },
};

export type ImportWorkerApi = typeof api;

expose(api);
