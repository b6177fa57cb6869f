import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { splitDataset } from '../core/data/split';
import type { Dataset, Example } from '../core/data/types';
import { PAGE_ROWS } from './dataset-pages';
import { datasetsRepository } from './datasets';
import { DbConflictError, DbNotFoundError } from './errors';
import { countReads, dumpDb, freshDbWithProject } from './test-support';

const t = freshDbWithProject();

const rows = (n: number, from = 0): Example[] => Array.from({ length: n }, (_, i) => ({ id: `row-${from + i}`, data: { a: from + i } }));
const dataset = (list: Example[]): Dataset => ({ id: 'd', name: 'd.csv', fields: [{ name: 'a', type: 'int' }], inputKeys: ['a'], rows: list });

describe('dataset rows in pages', () => {
  it('reads windows that cross pages, also after deletes leave pages uneven', async () => {
    const repo = datasetsRepository(() => t.db);
    const all = rows(25);
    await repo.put(t.projectId, dataset(all), { pageRows: 10 });
    expect(await repo.rows('d', { offset: 8, limit: 5 })).toEqual(all.slice(8, 13));
    expect(await repo.rows('d', { offset: 20, limit: 50 })).toEqual(all.slice(20));
    await repo.removeRow('d', 'row-3');
    await repo.removeRow('d', 'row-12');
    const left = all.filter((r) => r.id !== 'row-3' && r.id !== 'row-12');
    expect(await repo.rows('d', { offset: 0, limit: 100 })).toEqual(left);
    expect(await repo.rows('d', { offset: 7, limit: 6 })).toEqual(left.slice(7, 13));
    expect((await repo.get('d'))?.rows).toEqual(left);
    expect((await repo.summariesFor(t.projectId))[0]?.rowCount).toBe(23);
  });

  it('finds, edits, appends and deletes rows by id, reading one page, keeping split counts', async () => {
    const repo = datasetsRepository(() => t.db);
    const all = rows(30).map((r, i) => ({ ...r, split: i % 2 === 0 ? ('train' as const) : ('dev' as const) }));
    await repo.put(t.projectId, dataset(all), { pageRows: 10 });
    const reads = countReads(t.db, 'datasetPages');
    t.db.close();
    await t.db.open();
    const before = reads.reads();
    expect(await repo.row('d', 'row-25')).toEqual(all[25]);
    expect(reads.reads() - before).toBe(1);
    expect(await repo.row('d', 'row-99')).toBeUndefined();

    await repo.updateRow('d', 'row-25', { a: -1 });
    expect(await repo.row('d', 'row-25')).toEqual({ ...all[25], data: { a: -1 } });
    await repo.addRow('d', { id: 'extra', data: { a: 7 }, split: 'test' });
    await repo.removeRow('d', 'row-0');
    expect(await repo.splitCounts('d')).toEqual({ train: 14, dev: 15, test: 1, none: 0 });
    const stored = (await repo.get('d'))?.rows ?? [];
    expect(stored.map((r) => r.id)).toEqual([...all.slice(1).map((r) => r.id), 'extra']);
    await expect(repo.addRow('d', { id: 'row-5', data: {} })).rejects.toThrow(DbConflictError);
    await expect(repo.removeRow('d', 'row-0')).rejects.toThrow(DbNotFoundError);
  });

  it('tells ids apart whose quoted text overlaps neighbouring ids', async () => {
    const repo = datasetsRepository(() => t.db);
    // The JSON text of the first page, ["a","b"], contains '","', the quoted form of the id ",".
    const tricky: Example[] = [
      { id: 'a', data: { a: 1 } },
      { id: 'b', data: { a: 2 } },
      { id: ',', data: { a: 3 } },
      { id: '"quoted"', data: { a: 4 } },
    ];
    await repo.put(t.projectId, dataset(tricky), { pageRows: 2 });
    expect(await repo.row('d', ',')).toEqual(tricky[2]);
    await repo.updateRow('d', ',', { a: 30 });
    expect(await repo.rows('d', { offset: 0, limit: 4 })).toEqual([tricky[0], tricky[1], { id: ',', data: { a: 30 } }, tricky[3]]);
    expect(await repo.row('d', '"quoted"')).toEqual(tricky[3]);
  });

  it('starts a new page when the last one is full', async () => {
    const repo = datasetsRepository(() => t.db);
    await repo.put(t.projectId, dataset(rows(PAGE_ROWS)));
    await repo.addRow('d', { id: 'next', data: { a: 0 } });
    expect(await t.db.datasetPages.count()).toBe(2);
    expect(await repo.rows('d', { offset: PAGE_ROWS - 1, limit: 5 })).toEqual([{ id: `row-${PAGE_ROWS - 1}`, data: { a: PAGE_ROWS - 1 } }, { id: 'next', data: { a: 0 } }]);
  });

  it('applies a seeded split page by page: the same rows as splitDataset, order and values kept', async () => {
    const repo = datasetsRepository(() => t.db);
    const all = rows(47);
    await repo.put(t.projectId, dataset(all), { pageRows: 10 });
    const progress: number[] = [];
    await repo.applySplit('d', { train: 0.6, dev: 0.2, test: 0.2 }, 7, (f) => progress.push(f));
    const expected = splitDataset(all, { train: 0.6, dev: 0.2, test: 0.2 }, 7);
    expect((await repo.get('d'))?.rows).toEqual(expected);
    expect(await repo.splitCounts('d')).toEqual({ train: 28, dev: 10, test: 9, none: 0 });
    expect(progress).toEqual([10 / 47, 20 / 47, 30 / 47, 40 / 47, 1]);
    // Other sizes, seeds and fractions (a 0% split, two splits only) agree with splitDataset too.
    for (const [n, fractions, seed] of [[13, { train: 0.5, dev: 0.5 }, 3], [31, { train: 0.8, dev: 0, test: 0.2 }, 123]] as const) {
      await repo.put(t.projectId, dataset(rows(n)), { pageRows: 4 });
      await repo.applySplit('d', fractions, seed);
      expect((await repo.get('d'))?.rows).toEqual(splitDataset(rows(n), fractions, seed));
    }
  });

  it('refuses a split with bad fractions without writing anything', async () => {
    const repo = datasetsRepository(() => t.db);
    await repo.put(t.projectId, dataset(rows(5)));
    const before = await dumpDb(t.db);
    await expect(repo.applySplit('d', { train: 0.7, dev: 0.7 }, 0)).rejects.toThrow(/sum to 1/);
    await expect(repo.applySplit('gone', { train: 1 }, 0)).rejects.toThrow(DbNotFoundError);
    expect(await dumpDb(t.db)).toBe(before);
  });
});
