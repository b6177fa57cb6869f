import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/data/types';
import { runData } from './run-data';

const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, data: { a: i, sum: i } }));
const dataset = (withSplit: boolean): Dataset => ({
  id: 'd', name: 'data.csv', fields: [], inputKeys: ['a'],
  rows: rows.map((r, i) => (withSplit ? { ...r, split: i < 7 ? 'train' : i < 9 ? 'dev' : 'test' } : r)),
});

describe('runData', () => {
  it("uses the dataset's own train and dev split and leaves test alone", () => {
    const data = runData(dataset(true), 0);
    expect([data.trainset.length, data.devset.length, data.note]).toEqual([7, 2, undefined]);
  });

  it('makes a seeded 50/50 split when there is none, and says so', () => {
    const a = runData(dataset(false), 4);
    const b = runData(dataset(false), 4);
    expect([a.trainset.length, a.devset.length]).toEqual([5, 5]);
    expect(a.trainset.map((r) => r.id)).toEqual(b.trainset.map((r) => r.id));
    expect(a.note).toContain('no split');
  });
});
