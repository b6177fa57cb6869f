import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature/parse';
import { datasetsRepository } from './datasets';
import { DbNotFoundError, DbQuotaError } from './errors';
import { graphVersionsRepository } from './graph-versions';
import { projectsRepository } from './projects';
import { runsRepository, trialsRepository } from './runs';
import type { StudioDb } from './schema';
import { dumpDb, failWritesWithQuota, freshDb, sampleProject } from './test-support';

let db: StudioDb;
let clock = 1_000;
const now = () => ++clock;

beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const adder = () => graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

describe('projects repository', () => {
  it('creates, gets and lists projects newest edit first', async () => {
    const repo = projectsRepository(() => db, now);
    const first = await repo.create({ name: 'First', graph: adder() });
    const second = await repo.create({ name: 'Second', graph: adder(), settings: { metric: 'exact-match' } });
    expect(first.settings).toEqual({});
    expect(await repo.get(second.id)).toEqual(second);
    expect((await repo.list()).map((p) => p.name)).toEqual(['Second', 'First']);

    await repo.save(first.id, { name: 'First, renamed' });
    expect((await repo.list()).map((p) => p.name)).toEqual(['First, renamed', 'Second']);
  });

  it('saves only the fields given and bumps updatedAt', async () => {
    const repo = projectsRepository(() => db, now);
    const created = await repo.create({ name: 'Adder', graph: adder(), settings: { seed: 1 } });
    const graph = adder();
    graph.nodes.push({ id: 'extra', type: 'Predict', name: 'check', signature: parseSignature('sum: int -> ok: bool'), config: {} });
    await repo.save(created.id, { graph });
    const saved = await repo.get(created.id);
    expect(saved?.graph).toEqual(graph);
    expect(saved?.name).toBe('Adder');
    expect(saved?.settings).toEqual({ seed: 1 });
    expect(saved?.updatedAt).toBeGreaterThan(created.updatedAt);
    expect(saved?.createdAt).toBe(created.createdAt);
  });

  it('refuses to save a project that does not exist, naming it', async () => {
    const repo = projectsRepository(() => db, now);
    await expect(repo.save('nope', { name: 'x' })).rejects.toThrow(DbNotFoundError);
    await expect(repo.save('nope', { name: 'x' })).rejects.toThrow(/projects: no record with id "nope"/);
  });

  it('duplicates a project with its datasets under new ids, leaving the original intact', async () => {
    const repo = projectsRepository(() => db, now);
    const data = datasetsRepository(() => db, now);
    const file = sampleProject();
    const original = await repo.create({ name: file.name, graph: file.graph, settings: { ...file.settings, datasetId: 'add-data' } });
    for (const dataset of file.datasets) await data.put(original.id, dataset);

    const copy = await repo.duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe('Add two numbers (copy)');
    expect(copy.graph).toEqual(original.graph);
    const copied = await data.listFor(copy.id);
    expect(copied).toHaveLength(1);
    expect(copied[0]?.id).not.toBe('add-data');
    expect(copy.settings.datasetId).toBe(copied[0]?.id);
    expect(copied[0]?.rows).toEqual(file.datasets[0]?.rows);
    expect((await data.get('add-data'))?.projectId).toBe(original.id);
    await expect(repo.duplicate('missing')).rejects.toThrow(DbNotFoundError);
  });

  it('removes a project with its datasets, rows, runs, trials and graph versions, and nothing else', async () => {
    const repo = projectsRepository(() => db, now);
    const data = datasetsRepository(() => db, now);
    const keep = await repo.create({ name: 'Keep', graph: adder() });
    await data.put(keep.id, { id: 'keep-data', name: 'k', fields: [], inputKeys: [], rows: [{ id: 'r', data: { a: 1 } }] });
    const before = await dumpDb(db);

    const doomed = await repo.create({ name: 'Doomed', graph: adder() });
    for (const dataset of sampleProject().datasets) await data.put(doomed.id, dataset);
    const version = await graphVersionsRepository(() => db, now).pin(doomed.id, doomed.graph);
    await runsRepository(() => db).create({ id: 'run-1', projectId: doomed.id, kind: 'optimize', optimizer: 'LabeledFewShot', config: {}, seed: 0, status: 'finished', startedAt: 1, graphVersion: version });
    await trialsRepository(() => db).add('run-1', { index: 0, label: 'zero-shot', candidate: {}, score: 0.5, subset: 'full', examples: [], usage: { calls: 1, cachedCalls: 0, totalTokens: 10 }, elapsedMs: 3 });

    await repo.remove(doomed.id);
    expect(await dumpDb(db)).toBe(before);
  });

  it('turns a full disk into a DbQuotaError and writes nothing', async () => {
    failWritesWithQuota(db, 'projects');
    const repo = projectsRepository(() => db, now);
    const error = await repo.create({ name: 'Big', graph: adder() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbQuotaError);
    expect((error as Error).message).toMatch(/storage is full: could not create project "Big"\. Nothing was written\..*clearing the LM cache/);
    expect(await db.projects.count()).toBe(0);
  });
});
