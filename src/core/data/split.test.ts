import { describe, expect, it } from 'vitest';
import { examplesFor, splitCounts, splitDataset } from './split';
import type { Dataset, Example } from './types';

const rows = (n: number): Example[] => Array.from({ length: n }, (_, i) => ({ id: `row-${i + 1}`, data: { i } }));

describe('splitDataset', () => {
  it('puts every row in exactly one split with the documented counts', () => {
    const out = splitDataset(rows(11), { train: 0.6, dev: 0.2, test: 0.2 }, 1);
    expect(out.map((r) => r.id)).toEqual(rows(11).map((r) => r.id));
    const count = (s: string) => out.filter((r) => r.split === s).length;
    expect([count('train'), count('dev'), count('test')]).toEqual([7, 2, 2]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = splitDataset(rows(40), { train: 0.5, dev: 0.25, test: 0.25 }, 9).map((r) => r.split);
    const b = splitDataset(rows(40), { train: 0.5, dev: 0.25, test: 0.25 }, 9).map((r) => r.split);
    const c = splitDataset(rows(40), { train: 0.5, dev: 0.25, test: 0.25 }, 10).map((r) => r.split);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('leaves the input rows untouched', () => {
    const input = rows(3);
    splitDataset(input, { train: 1 }, 0);
    expect(input.every((r) => r.split === undefined)).toBe(true);
  });
});

describe('splitCounts', () => {
  it('uses largest remainders and never gives a 0% split a row', () => {
    expect(splitCounts(10, { train: 0.6, dev: 0.2, test: 0.2 })).toEqual({ train: 6, dev: 2, test: 2 });
    expect(splitCounts(3, { train: 0.5, dev: 0.5 })).toEqual({ train: 2, dev: 1, test: 0 });
    expect(splitCounts(2, { train: 1 / 3, dev: 1 / 3, test: 1 / 3 })).toEqual({ train: 1, dev: 1, test: 0 });
    expect(splitCounts(0, { train: 1 })).toEqual({ train: 0, dev: 0, test: 0 });
    for (let n = 0; n < 60; n++) {
      const c = splitCounts(n, { train: 0.7, dev: 0.15, test: 0.15 });
      expect(c.train + c.dev + c.test).toBe(n);
    }
  });

  it('rejects fractions that are negative or do not sum to 1', () => {
    expect(() => splitCounts(5, { train: 0.5, dev: 0.2 })).toThrow('split fractions must sum to 1, got train 0.5 + dev 0.2 + test 0 = 0.7');
    expect(() => splitCounts(5, { train: 1.5, dev: -0.5 })).toThrow('split fraction for dev must be a number ≥ 0, got -0.5');
  });
});

describe('examplesFor', () => {
  it('returns the rows of one split in dataset order', () => {
    const split = splitDataset(rows(20), { train: 0.5, dev: 0.5 }, 3);
    const dataset: Dataset = { id: 'd', name: 'd', fields: [], inputKeys: [], rows: split };
    const dev = examplesFor(dataset, 'dev');
    expect(dev).toHaveLength(10);
    expect(dev.map((r) => r.id)).toEqual(split.filter((r) => r.split === 'dev').map((r) => r.id));
    expect(examplesFor(dataset, 'test')).toEqual([]);
  });
});
