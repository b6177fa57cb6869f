import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { bestByMean, frontFrequency, instanceFronts, paretoCandidates, sampleParetoParent } from './pareto';

// c0 solves e0 only, c1 solves e1 and e2, c2 solves e1 only (dominated by c1), c3 ties c1 everywhere.
const scores = [
  [1, 0, 0, 0],
  [0, 1, 1, 0],
  [0, 1, 0, 0],
  [0, 1, 1, 0],
];

describe('pareto front', () => {
  it('lists the candidates reaching each example’s best score', () => {
    expect(instanceFronts(scores)).toEqual([[0], [1, 2, 3], [1, 3], [0, 1, 2, 3]]);
  });

  it('keeps candidates that are best somewhere, dropping dominated ones and duplicates', () => {
    expect(paretoCandidates(scores)).toEqual([0, 1]);
  });

  it('weights parents by how many fronts they are on', () => {
    expect([...frontFrequency(scores).entries()]).toEqual([
      [0, 2],
      [1, 3],
    ]);
    const rng = new Rng(3);
    const picks = Array.from({ length: 2000 }, () => sampleParetoParent(scores, rng));
    expect(new Set(picks)).toEqual(new Set([0, 1]));
    const share = picks.filter((p) => p === 1).length / picks.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('picks the best mean, the earliest on ties', () => {
    expect(bestByMean(scores)).toBe(1);
    expect(bestByMean([[0.5], [0.5]])).toBe(0);
  });
});
