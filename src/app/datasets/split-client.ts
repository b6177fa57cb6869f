import { wrap } from 'comlink';
import type { SplitFractions } from '../../core/data/split';
import { datasets } from '../../db';
import type { ImportWorkerApi } from './import-worker';
import { withWorkerProgress } from '../workers/progress';

/** From this many rows a split runs in a worker; below, the page's own paged write is quicker than starting one. */
export const SPLIT_WORKER_ROWS = 5000;

/**
 * Gives every row of the dataset a seeded train/dev/test split, all or nothing. Big datasets
 * are split in the dataset worker, so the page only hears progress: no row is read, shuffled or
 * written on the main thread.
 */
export async function applySplit(datasetId: string, rowCount: number, fractions: SplitFractions, seed: number, onProgress: (fraction: number) => void): Promise<void> {
  if (rowCount < SPLIT_WORKER_ROWS) return datasets.applySplit(datasetId, fractions, seed, onProgress);
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'dataset-worker' });
  try {
    await withWorkerProgress(onProgress, (callback) => wrap<ImportWorkerApi>(worker).split(datasetId, fractions, seed, callback));
  } finally {
    worker.terminate();
  }
}
