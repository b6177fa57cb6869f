import type { TrialRecord } from '../../core/optimize/events';

/** What the comparison needs of a stored run: who it is, and its trials in any order. */
export interface ComparedRun {
  id: string;
  optimizer: string;
  seed: number;
  startedAt: number;
  trials: readonly Pick<TrialRecord, 'index' | 'score' | 'subset'>[];
}

/** uPlot's columnar data: the shared trial axis, then per run its score and its best-so-far. */
export interface CompareColumns {
  x: number[];
  series: { runId: string; score: (number | null)[]; best: (number | null)[] }[];
}

/** Distinct enough on light and dark panels; runs beyond eight reuse colours. */
const PALETTE = ['#3a5bd9', '#d4353b', '#1f8a3b', '#b26a00', '#8a3bd4', '#0f8a8a', '#c2407a', '#5b6b12'];

export function runColour(position: number): string {
  return PALETTE[((position % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** How a run is named in the legend and on its checkbox: optimizer, seed, date. */
export function runLabel(run: Pick<ComparedRun, 'optimizer' | 'seed' | 'startedAt'>, formatDate: (ms: number) => string = (ms) => new Date(ms).toLocaleString()): string {
  return `${run.optimizer}, seed ${run.seed}, ${formatDate(run.startedAt)}`;
}

/**
 * Runs of different lengths share one x axis, the union of their trial indices. A run has no
 * point where it had no trial; its best-so-far (full evaluations only, as the runner's `best`)
 * carries across such gaps but stops after its last trial, so a short run's curve ends there.
 */
export function compareColumns(runs: readonly ComparedRun[]): CompareColumns {
  const x = [...new Set(runs.flatMap((r) => r.trials.map((t) => t.index)))].sort((a, b) => a - b);
  const series = runs.map((run) => {
    const byIndex = new Map(run.trials.map((t) => [t.index, t]));
    const last = run.trials.reduce((max, t) => Math.max(max, t.index), -Infinity);
    const score: (number | null)[] = [];
    const best: (number | null)[] = [];
    let bestSoFar: number | null = null;
    for (const index of x) {
      const t = byIndex.get(index);
      score.push(t ? t.score : null);
      if (t?.subset === 'full' && (bestSoFar === null || t.score > bestSoFar)) bestSoFar = t.score;
      best.push(index > last ? null : bestSoFar);
    }
    return { runId: run.id, score, best };
  });
  return { x, series };
}
