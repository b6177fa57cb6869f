import type { TrialRecord } from '../../core/optimize/events';

/** uPlot's columnar data: x, full-evaluation scores, minibatch scores, best-so-far. */
export type ChartColumns = [number[], (number | null)[], (number | null)[], (number | null)[]];

/**
 * Full and minibatch scores go in separate series so they can be drawn differently; the
 * best-so-far follows full evaluations only, as the runner's `best` does.
 */
export function chartColumns(trials: readonly TrialRecord[]): ChartColumns {
  const sorted = [...trials].sort((a, b) => a.index - b.index);
  const x: number[] = [];
  const full: (number | null)[] = [];
  const mini: (number | null)[] = [];
  const best: (number | null)[] = [];
  let bestSoFar: number | null = null;
  for (const t of sorted) {
    x.push(t.index);
    full.push(t.subset === 'full' ? t.score : null);
    mini.push(t.subset === 'minibatch' ? t.score : null);
    if (t.subset === 'full' && (bestSoFar === null || t.score > bestSoFar)) bestSoFar = t.score;
    best.push(bestSoFar);
  }
  return [x, full, mini, best];
}
