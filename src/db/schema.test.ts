import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetsRepository } from './datasets';
import { PAGE_ROWS } from './dataset-pages';
import type { DatasetRowRecord } from './records';
import { DB_NAME, DROPPED_TABLES, LATEST_VERSION, SCHEMA_VERSIONS, TABLES, type SchemaVersion, type StudioDb } from './schema';
import { freshDb } from './test-support';

const opened: StudioDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function track(db: StudioDb): StudioDb {
  opened.push(db);
  return db;
}

describe('schema', () => {
  it('keeps the frozen database and table names', () => {
    // Changing any of these strands existing users' data: this test is meant to fail loudly.
    expect(DB_NAME).toBe('prompt-studio');
    expect(TABLES).toEqual({
      projects: 'projects',
      graphVersions: 'graphVersions',
      datasets: 'datasets',
      datasetRows: 'datasetRows',
      runs: 'runs',
      trials: 'trials',
      lmCache: 'lmCache',
      providers: 'providers',
      settings: 'settings',
      corpora: 'corpora',
      corpusPassages: 'corpusPassages',
      corpusIndexes: 'corpusIndexes',
      datasetPages: 'datasetPages',
      datasetPageIndex: 'datasetPageIndex',
    });
    expect(Object.isFrozen(TABLES)).toBe(true);
  });

  it('creates exactly the frozen tables, less the dropped ones', async () => {
    const db = track(freshDb());
    await db.open();
    expect(DROPPED_TABLES).toEqual(['datasetRows']);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.values(TABLES).filter((t) => !DROPPED_TABLES.includes(t)).sort());
    expect(db.verno).toBe(LATEST_VERSION);
  });

  it('numbers versions from 1 without gaps, each only naming frozen tables', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    const names = new Set<string>(Object.values(TABLES));
    for (const step of SCHEMA_VERSIONS) for (const table of Object.keys(step.stores)) expect(names.has(table)).toBe(true);
  });

  it('keeps v1 data readable when the latest schema opens it', async () => {
    const name = `schema-latest-${process.pid}`;
    const v1 = freshDb(1, name);
    await writeV1(v1);
    v1.close();

    const latest = track(freshDb(LATEST_VERSION, name));
    expect(await latest.projects.get('p1')).toMatchObject({ name: 'Adder', settings: { metric: 'exact-match' } });
    expect(await datasetsRepository(() => latest).row('d1', 'r1')).toEqual({ id: 'r1', data: { a: 1, sum: 2 }, split: 'train' });
    expect(latest.verno).toBe(LATEST_VERSION);
  });

  it('upgrades v1 data to v2: everything kept, corpora tables added and usable', async () => {
    const name = `schema-v1-v2-${process.pid}`;
    const v1 = freshDb(1, name);
    await writeV1(v1);
    const v1Tables = v1.tables.map((t) => t.name);
    expect(v1Tables).not.toContain(TABLES.corpora);
    v1.close();

    const v2 = track(freshDb(2, name));
    expect(v2.verno).toBe(2);
    expect(await v2.projects.get('p1')).toMatchObject({ name: 'Adder' });
    expect(await v2.table(TABLES.datasetRows).get(['d1', 'r1'])).toMatchObject({ data: { a: 1, sum: 2 } });
    expect(await v2.runs.get('run1')).toMatchObject({ status: 'finished' });
    await v2.corpora.add({ id: 'c1', projectId: 'p1', name: 'wiki', passageCount: 1, updatedAt: 3 });
    await v2.corpusPassages.add({ corpusId: 'c1', passageId: 'a', order: 0, text: 'Paris' });
    expect(await v2.corpora.where('projectId').equals('p1').toArray()).toHaveLength(1);
    expect(await v2.corpusPassages.where('[corpusId+passageId]').equals(['c1', 'a']).first()).toMatchObject({ text: 'Paris' });
  });

  it('upgrades v2 row records to v3 pages: order, splits, values and ids read back identical', async () => {
    const name = `schema-v2-v3-${process.pid}`;
    const v2 = freshDb(2, name);
    await writeV1(v2);
    // Two datasets; the big one spans two pages, was written out of order and has gaps in its
    // `order` (rows deleted at v2), as real v2 data would.
    const big: DatasetRowRecord[] = Array.from({ length: PAGE_ROWS + 5 }, (_, i) => {
      const row: DatasetRowRecord = { datasetId: 'd2', rowId: `id-${(i * 37) % 1009}`, order: i * 3, data: { q: `question ${i}`, n: i } };
      if (i % 4 !== 3) row.split = (['train', 'dev', 'test'] as const)[i % 4] ?? 'train';
      return row;
    });
    await v2.table(TABLES.datasets).add({ id: 'd2', projectId: 'p1', name: 'big', fields: [], inputKeys: ['q'], rowCount: big.length, updatedAt: 2 });
    await v2.table(TABLES.datasetRows).bulkAdd([...big].reverse());
    v2.close();

    const v3 = track(freshDb(3, name));
    expect(v3.verno).toBe(3);
    expect(v3.tables.map((t) => t.name)).not.toContain(TABLES.datasetRows);
    const repo = datasetsRepository(() => v3);
    const expected = big.map((r) => ({ id: r.rowId, data: r.data, ...(r.split ? { split: r.split } : {}) }));
    expect((await repo.get('d2'))?.rows).toEqual(expected);
    expect((await repo.get('d1'))?.rows).toEqual([{ id: 'r1', data: { a: 1, sum: 2 }, split: 'train' }]);
    expect(await v3.datasetPages.where('[datasetId+page]').between(['d2', -Infinity], ['d2', Infinity]).count()).toBe(2);
    expect(await repo.rows('d2', { offset: PAGE_ROWS - 2, limit: 4 })).toEqual(expected.slice(PAGE_ROWS - 2, PAGE_ROWS + 2));
    expect(await repo.splitCounts('d2')).toEqual({ train: 252, dev: 251, test: 251, none: 251 });
    expect(await repo.row('d2', 'id-37')).toEqual(expected[1]);
    // And the upgraded rows edit like new ones.
    await repo.updateRow('d2', 'id-37', { n: -1 });
    expect((await repo.row('d2', 'id-37'))?.data).toEqual({ q: 'question 1', n: -1 });
  });

  it('runs a later version\'s upgrade over v1 rows (the harness a real upgrade test copies)', async () => {
    // A hypothetical next version: runs gain a status index and older runs are backfilled with a kind.
    const next = LATEST_VERSION + 1;
    const v2: SchemaVersion = {
      version: next,
      stores: { runs: 'id, projectId, [projectId+startedAt], status' },
      upgrade: async (tx) => {
        await tx.table(TABLES.runs).toCollection().modify((run: { kind?: string }) => {
          run.kind ??= 'optimize';
        });
      },
    };
    const name = `schema-v2-${process.pid}`;
    const v1 = freshDb(1, name);
    await writeV1(v1);
    v1.close();

    const upgraded = track(freshDb(next, name, [...SCHEMA_VERSIONS, v2]));
    expect(upgraded.verno).toBe(next);
    expect(await upgraded.runs.where('status').equals('finished').toArray()).toEqual([expect.objectContaining({ id: 'run1', kind: 'optimize', usage: { trials: 1, calls: 3, cachedCalls: 0, totalTokens: 90 } })]);
    expect(await upgraded.projects.count()).toBe(1);
  });
});

async function writeV1(db: StudioDb): Promise<void> {
  await db.projects.add({ id: 'p1', name: 'Adder', graph: { nodes: [], edges: [] }, settings: { metric: 'exact-match' }, createdAt: 1, updatedAt: 2 });
  await db.datasets.add({ id: 'd1', projectId: 'p1', name: 'sums', fields: [], inputKeys: ['a'], rowCount: 1, updatedAt: 2 });
  await db.table(TABLES.datasetRows).add({ datasetId: 'd1', rowId: 'r1', order: 0, data: { a: 1, sum: 2 }, split: 'train' });
  // Written as an older release might have: no `kind`.
  const run = { id: 'run1', projectId: 'p1', optimizer: 'LabeledFewShot', config: {}, seed: 0, status: 'finished', startedAt: 5, usage: { trials: 1, calls: 3, cachedCalls: 0, totalTokens: 90 } };
  await db.table(TABLES.runs).add(run);
}
