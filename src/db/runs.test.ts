import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrialRecord } from '../core/optimize/events';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature/parse';
import { DbConflictError, DbNotFoundError, DbQuotaError } from './errors';
import { graphVersionsRepository } from './graph-versions';
import { projectsRepository } from './projects';
import type { NewRunRecord } from './records';
import { runsRepository, trialsRepository } from './runs';
import type { StudioDb } from './schema';
import { dumpDb, failWritesWithQuota, freshDb } from './test-support';

let db: StudioDb;
let projectId: string;
let clock = 0;
const now = () => ++clock;
const graph = () => graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

beforeEach(async () => {
  db = freshDb();
  projectId = (await projectsRepository(() => db, now).create({ name: 'Adder', graph: graph() })).id;
});
afterEach(async () => {
  await db.delete();
});

const run = (id: string, startedAt: number): NewRunRecord => ({
  id,
  projectId,
  kind: 'optimize',
  optimizer: 'BootstrapFewShot',
  config: { max_bootstrapped_demos: 4 },
  seed: 7,
  status: 'running',
  startedAt,
});

const trial = (index: number, usage: TrialRecord['usage']): TrialRecord => ({
  index,
  label: `seed ${index}`,
  candidate: { add: { signature: parseSignature('a: int, b: int -> sum: int'), demos: [{ a: 1, b: 2, sum: 3 }] } },
  score: index / 10,
  subset: 'full',
  examples: [{ exampleId: 'row-1', score: 1 }],
  usage,
  elapsedMs: 12,
});

describe('runs repository', () => {
  it('creates runs with zero usage, updates them, and lists a project\'s runs newest first', async () => {
    const runs = runsRepository(() => db);
    await runs.create(run('old', 100));
    await runs.create(run('new', 200));
    expect((await runs.get('old'))?.usage).toEqual({ trials: 0, calls: 0, cachedCalls: 0, totalTokens: 0, cost: 0 });
    await runs.update('old', { status: 'finished', finishedAt: 150, score: 0.9 });
    expect(await runs.get('old')).toMatchObject({ status: 'finished', finishedAt: 150, score: 0.9, optimizer: 'BootstrapFewShot' });
    expect((await runs.listFor(projectId)).map((r) => r.id)).toEqual(['new', 'old']);
    expect(await runs.listFor('another')).toEqual([]);
  });

  it('names what is wrong: an unknown project or run, a repeated id', async () => {
    const runs = runsRepository(() => db);
    await expect(runs.create({ ...run('r', 1), projectId: 'ghost' })).rejects.toThrow(/projects: no record with id "ghost"/);
    await runs.create(run('r', 1));
    await expect(runs.create(run('r', 2))).rejects.toThrow(DbConflictError);
    await expect(runs.update('ghost', { status: 'failed' })).rejects.toThrow(DbNotFoundError);
  });

  it('marks only a still-running run interrupted, and keeps its resume command', async () => {
    const runs = runsRepository(() => db);
    await runs.create({ ...run('live', 1), command: { type: 'optimize', seed: 7 } });
    await runs.create({ ...run('done', 2), status: 'finished' });
    expect(await runs.markInterrupted('live')).toBe(true);
    expect(await runs.markInterrupted('live')).toBe(false);
    expect(await runs.markInterrupted('done')).toBe(false);
    expect(await runs.markInterrupted('ghost')).toBe(false);
    expect(await runs.get('live')).toMatchObject({ status: 'interrupted', command: { type: 'optimize', seed: 7 } });
    expect((await runs.get('done'))?.status).toBe('finished');
  });
});

describe('trials repository', () => {
  it('stores trials in order and keeps the run\'s usage totals in step', async () => {
    const runs = runsRepository(() => db);
    const trials = trialsRepository(() => db);
    await runs.create(run('r', 1));
    await trials.add('r', trial(1, { calls: 4, cachedCalls: 1, totalTokens: 400, cost: 0.002 }));
    await trials.add('r', trial(0, { calls: 3, cachedCalls: 0, totalTokens: 300, cost: 0.001 }));
    expect((await trials.listFor('r')).map((t) => [t.runId, t.index, t.label])).toEqual([
      ['r', 0, 'seed 0'],
      ['r', 1, 'seed 1'],
    ]);
    const usage = (await runs.get('r'))?.usage;
    expect(usage).toMatchObject({ trials: 2, calls: 7, cachedCalls: 1, totalTokens: 700 });
    expect(usage?.cost).toBeCloseTo(0.003, 10);
  });

  it('marks the run\'s cost unknown once a trial has no price', async () => {
    const runs = runsRepository(() => db);
    const trials = trialsRepository(() => db);
    await runs.create(run('r', 1));
    await trials.add('r', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10, cost: 0.5 }));
    await trials.add('r', trial(1, { calls: 1, cachedCalls: 0, totalTokens: 10 }));
    expect((await runs.get('r'))?.usage).toEqual({ trials: 2, calls: 2, cachedCalls: 0, totalTokens: 20 });
  });

  it('keeps many concurrent trial writes consistent with the totals', async () => {
    const runs = runsRepository(() => db);
    const trials = trialsRepository(() => db);
    await runs.create(run('r', 1));
    await Promise.all(Array.from({ length: 25 }, (_, i) => trials.add('r', trial(i, { calls: 2, cachedCalls: 1, totalTokens: 50, cost: 1 }))));
    expect((await runs.get('r'))?.usage).toEqual({ trials: 25, calls: 50, cachedCalls: 25, totalTokens: 1250, cost: 25 });
    expect(await trials.listFor('r')).toHaveLength(25);
  });

  it('refuses a trial for an unknown run or a repeated index, changing nothing', async () => {
    const runs = runsRepository(() => db);
    const trials = trialsRepository(() => db);
    await runs.create(run('r', 1));
    await trials.add('r', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10 }));
    const before = await dumpDb(db);
    await expect(trials.add('ghost', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10 }))).rejects.toThrow(/runs: no record with id "ghost"/);
    await expect(trials.add('r', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10 }))).rejects.toThrow(/already has a trial with index 0/);
    expect(await dumpDb(db)).toBe(before);
  });

  it('rolls back the trial when the run\'s totals cannot be written (one transaction)', async () => {
    failWritesWithQuota(db, 'runs', 1);
    db.close();
    await db.open();
    const runs = runsRepository(() => db);
    const trials = trialsRepository(() => db);
    await runs.create(run('r', 1));
    const before = await dumpDb(db);
    await expect(trials.add('r', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10 }))).rejects.toThrow(DbQuotaError);
    expect(await dumpDb(db)).toBe(before);
    expect(await db.trials.count()).toBe(0);
  });

  it('removes a run with its trials', async () => {
    const runs = runsRepository(() => db);
    await runs.create(run('r', 1));
    await trialsRepository(() => db).add('r', trial(0, { calls: 1, cachedCalls: 0, totalTokens: 10 }));
    await runs.remove('r');
    expect(await runs.get('r')).toBeUndefined();
    expect(await db.trials.count()).toBe(0);
  });
});

describe('graph versions', () => {
  it('pins a graph once per distinct content and lists versions oldest first', async () => {
    const versions = graphVersionsRepository(() => db, now);
    const first = await versions.pin(projectId, graph());
    // Same content, keys built in another order: the same version.
    expect(await versions.pin(projectId, reverseKeys(graph()))).toBe(first);
    const edited = graph();
    edited.nodes.push({ id: 'n2', type: 'Predict', name: 'check', signature: parseSignature('sum: int -> ok: bool'), config: {} });
    const second = await versions.pin(projectId, edited);
    expect(second).not.toBe(first);
    expect((await versions.list(projectId)).map((v) => v.id)).toEqual([first, second]);
    expect((await versions.get(second))?.graph).toEqual(edited);
  });

  it('refuses to pin for an unknown project', async () => {
    await expect(graphVersionsRepository(() => db, now).pin('ghost', graph())).rejects.toThrow(DbNotFoundError);
  });
});

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}
