/**
 * GEPA's per-instance Pareto front. Each candidate has a score per validation example; the front
 * of an example is the set of candidates that reach its best score. A candidate that is on some
 * front is kept even when its mean is low: it is the best known way to solve that example, so
 * its lessons are worth mutating (this keeps GEPA from collapsing onto one prompt too early).
 */
import type { Rng } from '../random';

/** Per candidate (index = candidate id), per validation example (index = example position). */
export type ScoreMatrix = readonly (readonly number[])[];

/** For each example, the candidates reaching its best score (ascending ids). */
export function instanceFronts(scores: ScoreMatrix): number[][] {
  const width = scores[0]?.length ?? 0;
  const fronts: number[][] = [];
  for (let e = 0; e < width; e++) {
    let best = Number.NEGATIVE_INFINITY;
    for (const row of scores) best = Math.max(best, row[e] ?? Number.NEGATIVE_INFINITY);
    fronts.push(scores.flatMap((row, c) => ((row[e] ?? Number.NEGATIVE_INFINITY) === best ? [c] : [])));
  }
  return fronts;
}

/**
 * Candidates that are on at least one front and not dominated there: candidate a is dominated
 * when another candidate b is on every front that a is on (b solves everything a uniquely
 * offers). Among candidates on exactly the same fronts, the lowest id survives.
 */
export function paretoCandidates(scores: ScoreMatrix): number[] {
  const fronts = instanceFronts(scores);
  const on = new Map<number, Set<number>>();
  fronts.forEach((front, e) => front.forEach((c) => on.set(c, (on.get(c) ?? new Set()).add(e))));
  const ids = [...on.keys()].sort((a, b) => a - b);
  const dominated = new Set<number>();
  // Remove one at a time, weakest mean first, re-checking against survivors only (GEPA's order).
  const mean = (c: number) => (scores[c] ?? []).reduce((s, x) => s + x, 0) / Math.max(1, scores[c]?.length ?? 1);
  const byMean = [...ids].sort((a, b) => mean(a) - mean(b) || b - a);
  for (const a of byMean) {
    const mine = on.get(a) ?? new Set<number>();
    const covered = ids.some((b) => b !== a && !dominated.has(b) && [...mine].every((e) => on.get(b)?.has(e)));
    if (covered) dominated.add(a);
  }
  return ids.filter((c) => !dominated.has(c));
}

/** How many fronts each surviving candidate is on: its chance of being picked as a parent. */
export function frontFrequency(scores: ScoreMatrix): Map<number, number> {
  const keep = new Set(paretoCandidates(scores));
  const freq = new Map<number, number>();
  for (const front of instanceFronts(scores)) {
    for (const c of front) if (keep.has(c)) freq.set(c, (freq.get(c) ?? 0) + 1);
  }
  return freq;
}

/** A parent drawn from the front, weighted by how many examples it is best on. */
export function sampleParetoParent(scores: ScoreMatrix, rng: Rng): number {
  const freq = [...frontFrequency(scores).entries()].sort((a, b) => a[0] - b[0]);
  const total = freq.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return 0;
  let r = rng.next() * total;
  for (const [c, n] of freq) {
    r -= n;
    if (r < 0) return c;
  }
  return freq[freq.length - 1]?.[0] ?? 0;
}

/** The candidate with the best mean (ties: the earliest, as GEPA returns). */
export function bestByMean(scores: ScoreMatrix): number {
  let best = 0;
  let bestMean = Number.NEGATIVE_INFINITY;
  scores.forEach((row, c) => {
    const m = row.reduce((s, x) => s + x, 0) / Math.max(1, row.length);
    if (m > bestMean) {
      bestMean = m;
      best = c;
    }
  });
  return best;
}
