import type { Dataset, Example } from '../../core/data/types';
import { examplesFor, splitDataset } from '../../core/data/split';

export interface RunData {
  trainset: Example[];
  devset: Example[];
  /** Set when the dataset had no splits and the run made a temporary one. */
  note?: string;
}

/** Train and dev examples for a run: the dataset's own split, or a seeded 50/50 one when it has none. */
export function runData(dataset: Dataset, seed: number): RunData {
  const hasSplit = dataset.rows.some((r) => r.split !== undefined);
  if (hasSplit) return { trainset: examplesFor(dataset, 'train'), devset: examplesFor(dataset, 'dev') };
  const rows = splitDataset(dataset.rows, { train: 0.5, dev: 0.5 }, seed);
  return {
    trainset: rows.filter((r) => r.split === 'train'),
    devset: rows.filter((r) => r.split === 'dev'),
    note: `${dataset.name} has no split yet: using a seeded 50/50 train/dev split (seed ${seed})`,
  };
}
