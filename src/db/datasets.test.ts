import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../core/data/types';
import { datasetsRepository } from './datasets';
import { DbConflictError, DbNotFoundError, DbQuotaError } from './errors';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { countReads, dumpDb, failWritesWithQuota, freshDb, sampleProject } from './test-support';

let db: StudioDb;
let projectId: string;
let clock = 0;
const now = () => ++clock;

beforeEach(async () => {
  db = freshDb();
  projectId = (await projectsRepository(() => db, now).create({ name: 'P', graph: { nodes: [], edges: [] } })).id;
});
afterEach(async () => {
  await db.delete();
});

const small = (): Dataset => ({
  id: 'sums',
  name: 'sums.csv',
  fields: [
    { name: 'a', type: 'int' },
    { name: 'sum', type: 'int' },
  ],
  inputKeys: ['a'],
  rows: [
    { id: 'r1', data: { a: 1, sum: 2 }, split: 'train' },
    { id: 'r2', data: { a: 2, sum: 4 }, split: 'dev' },
    { id: 'r3', data: { a: 3, sum: 6 } },
  ],
});

describe('datasets repository', () => {
  it('round-trips a real dataset with its rows in order', async () => {
    const repo = datasetsRepository(() => db, now);
    const dataset = sampleProject('support-tickets').datasets[0]!;
    await repo.put(projectId, dataset);
    const stored = await repo.get(dataset.id);
    expect(stored).toEqual({ ...dataset, projectId, updatedAt: expect.any(Number) });
    expect(await repo.listFor(projectId)).toEqual([stored]);
    expect(await repo.summariesFor(projectId)).toEqual([
      { id: dataset.id, projectId, name: dataset.name, fields: dataset.fields, inputKeys: dataset.inputKeys, rowCount: dataset.rows.length, updatedAt: stored?.updatedAt },
    ]);
    expect(await repo.listFor('other-project')).toEqual([]);
  });

  it('pages rows for a virtualized grid', async () => {
    const repo = datasetsRepository(() => db, now);
    const dataset = sampleProject().datasets[0]!;
    await repo.put(projectId, dataset);
    expect(await repo.rows(dataset.id, { offset: 10, limit: 5 })).toEqual(dataset.rows.slice(10, 15));
    expect(await repo.rows(dataset.id, { offset: 58, limit: 5 })).toEqual(dataset.rows.slice(58));
  });

  it('replaces a dataset wholly on put, dropping rows that are gone', async () => {
    const repo = datasetsRepository(() => db, now);
    await repo.put(projectId, small());
    await repo.put(projectId, { ...small(), name: 'renamed', rows: [{ id: 'r9', data: { a: 9, sum: 18 } }] });
    const stored = await repo.get('sums');
    expect(stored?.name).toBe('renamed');
    expect(stored?.rows).toEqual([{ id: 'r9', data: { a: 9, sum: 18 } }]);
    expect(await db.datasetPages.toArray()).toEqual([{ datasetId: 'sums', page: 0, rows: [{ id: 'r9', data: { a: 9, sum: 18 } }] }]);
  });

  it('edits, appends and removes rows, keeping the row count', async () => {
    const repo = datasetsRepository(() => db, now);
    await repo.put(projectId, small());
    await repo.updateRow('sums', 'r2', { sum: 5 });
    await repo.addRow('sums', { id: 'r4', data: { a: 4, sum: 8 }, split: 'test' });
    await repo.removeRow('sums', 'r1');
    const stored = await repo.get('sums');
    expect(stored?.rows).toEqual([
      { id: 'r2', data: { a: 2, sum: 5 }, split: 'dev' },
      { id: 'r3', data: { a: 3, sum: 6 } },
      { id: 'r4', data: { a: 4, sum: 8 }, split: 'test' },
    ]);
    expect((await repo.summariesFor(projectId))[0]?.rowCount).toBe(3);
  });

  it('rejects row edits that name nothing, and duplicate row ids, without writing', async () => {
    const repo = datasetsRepository(() => db, now);
    await repo.put(projectId, small());
    const before = await dumpDb(db);
    await expect(repo.updateRow('sums', 'nope', { a: 1 })).rejects.toThrow(DbNotFoundError);
    await expect(repo.updateRow('nope', 'r1', { a: 1 })).rejects.toThrow(/datasets: no record with id "nope"/);
    await expect(repo.removeRow('sums', 'nope')).rejects.toThrow(DbNotFoundError);
    await expect(repo.addRow('sums', { id: 'r1', data: {} })).rejects.toThrow(DbConflictError);
    await expect(repo.put(projectId, { ...small(), rows: [...small().rows, { id: 'r1', data: {} }] })).rejects.toThrow(/row 4 repeats the row id "r1"/);
    await expect(repo.put('no-project', small())).rejects.toThrow(DbNotFoundError);
    expect(await dumpDb(db)).toBe(before);
  });

  it('will not let one project overwrite another project\'s dataset', async () => {
    const repo = datasetsRepository(() => db, now);
    const other = await projectsRepository(() => db, now).create({ name: 'Other', graph: { nodes: [], edges: [] } });
    await repo.put(projectId, small());
    await expect(repo.put(other.id, small())).rejects.toThrow(/already belongs to another project/);
  });

  it('removes a dataset with its rows', async () => {
    const repo = datasetsRepository(() => db, now);
    await repo.put(projectId, small());
    await repo.remove('sums');
    expect(await repo.get('sums')).toBeUndefined();
    expect(await db.datasetPages.count()).toBe(0);
    expect(await db.datasetPageIndex.count()).toBe(0);
  });

  it('writes no partial dataset when the disk fills halfway', async () => {
    const repo = datasetsRepository(() => db, now);
    await repo.put(projectId, small());
    const before = await dumpDb(db);
    // Clearing the old pages passes; adding the new pages fails as a full disk would.
    failWritesWithQuota(db, 'datasetPages', 1);
    db.close();
    await db.open();
    await expect(repo.put(projectId, { ...small(), name: 'bigger' })).rejects.toThrow(DbQuotaError);
    expect(await dumpDb(db)).toBe(before);
  });

  it('writes a large dataset in chunks, reporting progress, and leaves nothing when a later chunk fails', async () => {
    const repo = datasetsRepository(() => db, now);
    const CHUNK = 20;
    const rows = Array.from({ length: CHUNK * 2 + 10 }, (_, i) => ({ id: `row-${i + 1}`, data: { a: i, sum: 2 * i } }));
    const big: Dataset = { ...small(), id: 'big', rows };
    const progress: number[] = [];
    // Pages of 10 rows, written two pages (CHUNK rows) at a time.
    await repo.put(projectId, big, { onProgress: (f) => progress.push(f), chunkRows: CHUNK, pageRows: 10 });
    expect(await db.datasetPages.count()).toBe(5);
    expect(progress).toEqual([CHUNK / rows.length, (2 * CHUNK) / rows.length, 1]);
    expect((await repo.summariesFor(projectId))[0]?.rowCount).toBe(rows.length);
    expect(await repo.rows('big', { offset: CHUNK * 2, limit: 2 })).toEqual(rows.slice(CHUNK * 2, CHUNK * 2 + 2));
    expect(await repo.splitCounts('big')).toEqual({ train: 0, dev: 0, test: 0, none: rows.length });
    expect(await repo.splitCounts(small().id)).toEqual({ train: 0, dev: 0, test: 0, none: 0 });
    await repo.put(projectId, small(), { pageRows: 2 });
    expect(await repo.splitCounts(small().id)).toEqual({ train: 1, dev: 1, test: 0, none: 1 });

    const before = await dumpDb(db);
    // The delete of the old pages and the first chunk pass; the second chunk fails as a full disk would.
    failWritesWithQuota(db, 'datasetPages', 2);
    db.close();
    await db.open();
    await expect(repo.put(projectId, { ...big, name: 'bigger' }, { chunkRows: CHUNK, pageRows: 10 })).rejects.toThrow(DbQuotaError);
    expect(await dumpDb(db)).toBe(before);
  });

  it('lists projects and dataset summaries without reading a single row', async () => {
    const reads = countReads(db, 'datasetPages');
    const indexReads = countReads(db, 'datasetPageIndex');
    db.close();
    await db.open();
    const repo = datasetsRepository(() => db, now);
    // Small on purpose: fake-indexeddb indexes in quadratic time. The claim is structural: the
    // list paths never touch the row pages, so their cost cannot grow with the rows.
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, data: { a: i, sum: 2 * i } }));
    await repo.put(projectId, { ...small(), rows });
    const before = reads.reads() + indexReads.reads();
    await projectsRepository(() => db, now).list();
    const [summary] = await repo.summariesFor(projectId);
    expect(summary?.rowCount).toBe(300);
    expect(reads.reads() + indexReads.reads()).toBe(before);
    expect(await repo.rows('sums', { offset: 298, limit: 10 })).toEqual(rows.slice(298));
  });
});
