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

/**
 * The chart's columns kept across renders: trials that arrive in index order are appended in
 * O(1) amortised (x in a Float64Array that doubles when full), anything else rebuilds. Live
 * runs only ever append, so a 5,000-trial chart does not redo 5,000 points per new trial.
 */
export class ChartSeries {
  private xs = new Float64Array(64);
  private readonly full: (number | null)[] = [];
  private readonly mini: (number | null)[] = [];
  private readonly best: (number | null)[] = [];
  private seen: readonly TrialRecord[] = [];
  private bestSoFar: number | null = null;
  /** How many of the trials are full evaluations. */
  fullCount = 0;

  get length(): number {
    return this.full.length;
  }

  /** Brings the columns up to `trials`; returns false when nothing changed. */
  sync(trials: readonly TrialRecord[]): boolean {
    const n = this.seen.length;
    if (trials === this.seen) return false;
    const appendOnly = trials.length >= n && (n === 0 || trials[n - 1] === this.seen[n - 1]) && this.inOrder(trials, n);
    if (!appendOnly) {
      this.reset();
      const sorted = [...trials].sort((a, b) => a.index - b.index);
      for (const t of sorted) this.push(t);
    } else {
      for (let i = n; i < trials.length; i++) this.push(trials[i] as TrialRecord);
    }
    this.seen = trials;
    return true;
  }

  /** uPlot's data: views over the columns, no copies. */
  data(): [Float64Array, (number | null)[], (number | null)[], (number | null)[]] {
    return [this.xs.subarray(0, this.length), this.full, this.mini, this.best];
  }

  /** The best full score so far, if any. */
  latestBest(): number | null {
    return this.best.at(-1) ?? null;
  }

  private inOrder(trials: readonly TrialRecord[], from: number): boolean {
    let last = from > 0 ? (trials[from - 1] as TrialRecord).index : -Infinity;
    for (let i = from; i < trials.length; i++) {
      const index = (trials[i] as TrialRecord).index;
      if (index < last) return false;
      last = index;
    }
    return true;
  }

  private reset(): void {
    this.full.length = 0;
    this.mini.length = 0;
    this.best.length = 0;
    this.bestSoFar = null;
    this.fullCount = 0;
  }

  private push(t: TrialRecord): void {
    const i = this.length;
    if (i === this.xs.length) {
      const grown = new Float64Array(this.xs.length * 2);
      grown.set(this.xs);
      this.xs = grown;
    }
    this.xs[i] = t.index;
    const isFull = t.subset === 'full';
    this.full.push(isFull ? t.score : null);
    this.mini.push(isFull ? null : t.score);
    if (isFull) {
      this.fullCount++;
      if (this.bestSoFar === null || t.score > this.bestSoFar) this.bestSoFar = t.score;
    }
    this.best.push(this.bestSoFar);
  }
}
