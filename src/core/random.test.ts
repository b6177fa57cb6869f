import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffles without losing or duplicating items and leaves the input alone', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Rng(1).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(items[0]).toBe(0);
  });

  it('samples k distinct items and caps k at the list length', () => {
    const rng = new Rng(3);
    const picked = rng.sample(['a', 'b', 'c', 'd'], 2);
    expect(new Set(picked).size).toBe(2);
    expect(rng.sample(['a', 'b'], 5)).toHaveLength(2);
  });

  it('draws integers within both bounds and rejects an empty range', () => {
    const rng = new Rng(11);
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
  });
});
