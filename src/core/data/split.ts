import { Rng } from '../random';
import type { Dataset, Example, Split } from './types';

export type SplitFractions = Partial<Record<Split, number>>;

const SPLITS: readonly Split[] = ['train', 'dev', 'test'];

/**
 * Assigns every row to exactly one split, reproducibly: rows are shuffled with a `Rng` seeded
 * by `seed`, then cut into consecutive runs of the computed sizes. Sizes use the largest
 * remainder method: each split gets floor(n·fraction), and the rows left over go one each to
 * the splits with the largest fractional parts (ties in train, dev, test order). So 10 rows at
 * 0.6/0.2/0.2 give 6/2/2, and 11 rows give 7/2/2. Fractions must be non-negative and sum to 1.
 * Returns new examples in the input order, each with its `split` set.
 */
export function splitDataset(rows: readonly Example[], fractions: SplitFractions, seed: number): Example[] {
  const counts = splitCounts(rows.length, fractions);
  const order = new Rng(seed).shuffle([...rows.keys()]);
  const assigned = new Array<Split>(rows.length);
  let next = 0;
  for (const split of SPLITS) {
    for (let k = 0; k < counts[split]; k++) assigned[order[next++] as number] = split;
  }
  return rows.map((row, i) => ({ ...row, split: assigned[i] as Split }));
}

export function splitCounts(n: number, fractions: SplitFractions): Record<Split, number> {
  const wanted = SPLITS.map((split) => fractions[split] ?? 0);
  for (const [i, f] of wanted.entries()) {
    if (!Number.isFinite(f) || f < 0) throw new RangeError(`split fraction for ${SPLITS[i]} must be a number ≥ 0, got ${f}`);
  }
  const total = wanted.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) {
    throw new RangeError(`split fractions must sum to 1, got ${SPLITS.map((s, i) => `${s} ${wanted[i]}`).join(' + ')} = ${total}`);
  }
  const exact = wanted.map((f) => n * f);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const byRemainder = [...exact.keys()].sort((a, b) => (exact[b] as number) % 1 - (exact[a] as number) % 1 || a - b);
  for (const i of byRemainder) {
    if (left === 0) break;
    // A split asked for 0% never receives a leftover row.
    if ((wanted[i] as number) === 0) continue;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  // Only reachable through rounding slack in fractions that sum to 1 within 1e-6.
  if (left > 0) {
    const largest = wanted.indexOf(Math.max(...wanted));
    counts[largest] = (counts[largest] as number) + left;
  }
  return { train: counts[0] as number, dev: counts[1] as number, test: counts[2] as number };
}

/** The dataset's rows in one split, in dataset order. */
export function examplesFor(dataset: Dataset, split: Split): Example[] {
  return dataset.rows.filter((row) => row.split === split);
}
