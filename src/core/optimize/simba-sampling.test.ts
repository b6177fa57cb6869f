import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { bucketKey, compareKeysDesc, percentile, poisson, roundHalfEven, softmaxPick } from './simba-sampling';

describe('simba sampling helpers', () => {
  it('softmax at a low temperature almost always picks the best score, at a high one spreads out', () => {
    const rng = new Rng(1);
    const cold = Array.from({ length: 1000 }, () => softmaxPick([0.2, 0.8, 0.5], 0.05, rng));
    expect(cold.filter((i) => i === 1).length).toBeGreaterThan(990);
    const hot = Array.from({ length: 3000 }, () => softmaxPick([0.2, 0.8, 0.5], 100, rng));
    for (const i of [0, 1, 2]) expect(hot.filter((x) => x === i).length).toBeGreaterThan(850);
  });

  it('draws Poisson counts with the right mean', () => {
    const rng = new Rng(2);
    const draws = Array.from({ length: 4000 }, () => poisson(1.5, rng));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(1.4);
    expect(mean).toBeLessThan(1.6);
    expect(poisson(0, rng)).toBe(0);
  });

  it("matches numpy's linear percentile and Python's round", () => {
    expect(percentile([0, 1, 1, 1, 0, 1, 0, 0, 1, 1], 10)).toBeCloseTo(0);
    expect(percentile([1, 2, 3, 4], 90)).toBeCloseTo(3.7);
    expect(percentile([5], 50)).toBe(5);
    expect([0.5, 1.5, 2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3]);
  });

  it('orders buckets by spread, then best, then best minus mean, all descending', () => {
    const keys = [bucketKey([1, 1, 1]), bucketKey([1, 0, 0]), bucketKey([1, 1, 0]), bucketKey([0, 0, 0])];
    const order = keys.map((k, i) => ({ k, i })).sort((a, b) => compareKeysDesc(a.k, b.k)).map((x) => x.i);
    expect(order).toEqual([1, 2, 0, 3]);
  });
});
