/** The small random and statistical helpers SIMBA needs, with DSPy's semantics. */
import type { Rng } from '../random';

/** An index drawn with probability ∝ exp(score / temperature). */
export function softmaxPick(scores: readonly number[], temperature: number, rng: Rng): number {
  const top = Math.max(...scores);
  // Shifting by the max leaves the distribution unchanged and keeps exp() finite.
  const weights = scores.map((s) => Math.exp((s - top) / Math.max(temperature, 1e-9)));
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return i;
  }
  return scores.length - 1;
}

/** A Poisson(lambda) draw (Knuth's method: lambda here is at most a few). */
export function poisson(lambda: number, rng: Rng): number {
  if (lambda <= 0) return 0;
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** numpy's default (linear) percentile, q in 0..100. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** DSPy's bucket order key: (max − min, max, max − mean), compared left to right, descending. */
export function bucketKey(scores: readonly number[]): [number, number, number] {
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  const avg = scores.reduce((a, b) => a + b, 0) / scores.length;
  return [max - min, max, max - avg];
}

export function compareKeysDesc(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
