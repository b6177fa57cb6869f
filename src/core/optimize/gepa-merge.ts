/**
 * GEPA's system-aware merge: two Pareto candidates that descend from a common ancestor, where
 * each improved different components, are combined by taking every component from the one that
 * changed it. A merge is only worth a full evaluation when it is new and when, on a few val
 * examples where the parents disagree, it scores at least as well as the better parent.
 */
import type { Rng } from '../random';
import { MERGE_SUBSAMPLE } from './gepa-config';

export interface Lineage {
  /** Per candidate: its instruction per component (predictor). */
  instructions: readonly (readonly string[])[];
  /** Per candidate: its parents (one for a reflective child, two for a merge, none for the seed). */
  parents: readonly (readonly number[])[];
  /** Per candidate: its mean val score. */
  means: readonly number[];
}

export interface MergePlan {
  a: number;
  b: number;
  ancestor: number;
  instructions: string[];
  /** Identifies the merged combination, so the same merge is never tried twice. */
  key: string;
}

function ancestors(lineage: Lineage, c: number): Set<number> {
  const out = new Set<number>();
  const stack = [...(lineage.parents[c] ?? [])];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    if (out.has(p)) continue;
    out.add(p);
    stack.push(...(lineage.parents[p] ?? []));
  }
  return out;
}

/** The merged instructions, or null when the triplet offers nothing new (every change on one side). */
function combine(lineage: Lineage, a: number, b: number, ancestor: number, rng: Rng): string[] | null {
  const ia = lineage.instructions[a] ?? [];
  const ib = lineage.instructions[b] ?? [];
  const io = lineage.instructions[ancestor] ?? [];
  let fromA = false;
  let fromB = false;
  const merged = io.map((orig, k) => {
    const va = ia[k] ?? orig;
    const vb = ib[k] ?? orig;
    if (va === vb) return va;
    if (va === orig) {
      fromB = true;
      return vb;
    }
    if (vb === orig) {
      fromA = true;
      return va;
    }
    // Both rewrote it: keep the rewrite of the stronger candidate (a coin decides a tie).
    const ma = lineage.means[a] ?? 0;
    const mb = lineage.means[b] ?? 0;
    const pickA = ma > mb || (ma === mb && rng.next() < 0.5);
    if (pickA) fromA = true;
    else fromB = true;
    return pickA ? va : vb;
  });
  return fromA && fromB ? merged : null;
}

/** A merge of two front candidates, or null when no pair qualifies. Tries a few random pairs. */
export function findMerge(lineage: Lineage, front: readonly number[], tried: ReadonlySet<string>, rng: Rng, attempts = 10): MergePlan | null {
  if (front.length < 2) return null;
  const known = new Set(lineage.instructions.map((ins) => JSON.stringify(ins)));
  for (let t = 0; t < attempts; t++) {
    const [a, b] = rng.sample(front, 2).sort((x, y) => x - y) as [number, number];
    const shared = [...ancestors(lineage, a)].filter((x) => ancestors(lineage, b).has(x) && x !== a && x !== b);
    // An ancestor better than either child has nothing to gain from the merge.
    const useful = shared.filter((o) => (lineage.means[o] ?? 0) <= Math.min(lineage.means[a] ?? 0, lineage.means[b] ?? 0)).sort((x, y) => x - y);
    for (const ancestor of useful) {
      const instructions = combine(lineage, a, b, ancestor, rng);
      if (!instructions) continue;
      const key = JSON.stringify(instructions);
      if (tried.has(key) || known.has(key)) continue;
      return { a, b, ancestor, instructions, key };
    }
  }
  return null;
}

/**
 * Val positions to screen a merge on: where a beats b, where b beats a, and ties, taken in
 * turn so both parents' strengths are represented, up to `size`.
 */
export function mergeSubsample(scoresA: readonly number[], scoresB: readonly number[], rng: Rng, size = MERGE_SUBSAMPLE): number[] {
  const idx = scoresA.map((_, i) => i);
  const groups = [idx.filter((i) => (scoresA[i] ?? 0) > (scoresB[i] ?? 0)), idx.filter((i) => (scoresB[i] ?? 0) > (scoresA[i] ?? 0)), idx.filter((i) => scoresA[i] === scoresB[i])].map((g) => rng.shuffle(g));
  const out: number[] = [];
  for (let round = 0; out.length < Math.min(size, idx.length); round++) {
    for (const g of groups) {
      const next = g[round];
      if (next !== undefined && out.length < size) out.push(next);
    }
    if (groups.every((g) => round >= g.length)) break;
  }
  return out.sort((x, y) => x - y);
}
