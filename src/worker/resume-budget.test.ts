import { describe, expect, it } from 'vitest';
import type { Example } from '../core/data/types';
import { MemoryCacheStore } from '../core/lm/cache-store';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import type { RunUsage } from '../db/records';
import { generateArithmetic } from '../sim';
import { createRunDispatcher } from './dispatcher';
import type { OptimizeCommand, RunRow, WorkerEvent } from './protocol';
import { memoryPersistence } from './resume-test-support';

const rows: Example[] = generateArithmetic(24, 11).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });
const command: OptimizeCommand = {
  type: 'optimize', runId: 'r1', projectId: 'p1', graph, metricId: 'exact-match', concurrency: 2,
  provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 1 },
  optimizer: 'random-search', config: { num_candidate_programs: 2, max_bootstrapped_demos: 2 }, trainset: rows.slice(0, 10), devset: [], seed: 7,
  budget: { maxCalls: 40 },
};

/** An interrupted run whose stored totals say it already made `calls` provider calls. */
function interrupted(calls: number) {
  const db = memoryPersistence();
  const usage: RunUsage = { trials: 1, calls, cachedCalls: 0, totalTokens: 10 * calls };
  const row: RunRow & { usage: RunUsage } = {
    id: 'r1', projectId: 'p1', kind: 'optimize', optimizer: command.optimizer, config: command.config, seed: command.seed, startedAt: 0, status: 'running',
    command: JSON.parse(JSON.stringify(command)) as RunRow['command'], usage,
  };
  db.runs.set('r1', row);
  return db;
}

async function resume(calls: number) {
  const events: WorkerEvent[] = [];
  // A fresh cache: every call the resumed run makes reaches the provider.
  await createRunDispatcher({ persistence: interrupted(calls).persistence, cacheStore: new MemoryCacheStore() }).dispatch({ type: 'resume', runId: 'r1' }, (e) => events.push(e));
  const last = events.at(-1);
  if (last?.type !== 'finished') throw new Error(`the resumed run ended ${last?.type}: ${JSON.stringify(last)}`);
  const progress = events.filter((e) => e.type === 'progress').at(-1);
  return { stopReason: last.result.stopReason, calls: progress?.type === 'progress' ? progress.progress.calls : -1 };
}

describe('resuming a run with a call budget', () => {
  it('counts the calls the stored run already made against the budget', async () => {
    const spentBefore = 30;
    const resumed = await resume(spentBefore);
    expect(resumed.stopReason).toBe('budget');
    // Progress counts replies: calls cut off in flight by the stop started but did not finish.
    const left = (command.budget.maxCalls ?? 0) - spentBefore;
    expect(resumed.calls).toBeLessThanOrEqual(left);
    expect(resumed.calls).toBeGreaterThanOrEqual(left - command.concurrency);
    // Nothing spent before: the same run goes well past those 10 calls.
    expect((await resume(0)).calls).toBeGreaterThan(left);
    // All of it spent before: the resumed run stops at its first provider call.
    expect(await resume(40)).toEqual({ stopReason: 'budget', calls: 0 });
  }, 60_000);
});

describe('a run saves what it spent as it goes', () => {
  it('stores the provider calls of the whole run, bootstrapping included, and a resume starts from them', async () => {
    const db = memoryPersistence();
    let clock = 0;
    const events: WorkerEvent[] = [];
    const fresh = { ...command, budget: {} };
    // A clock that moves 2 s per reading, so every progress event is saved.
    await createRunDispatcher({ persistence: db.persistence, cacheStore: new MemoryCacheStore(), now: () => (clock += 2000) }).dispatch(fresh, (e) => events.push(e));
    const progress = events.filter((e) => e.type === 'progress').at(-1);
    const stored = db.runs.get('r1');
    expect(progress?.type).toBe('progress');
    expect(stored?.spent?.calls).toBeGreaterThan(0);
    // The last save is at most one progress event behind the last progress figure.
    if (progress?.type === 'progress') expect(stored?.spent?.calls).toBeLessThanOrEqual(progress.progress.calls);
    // Trial usage alone misses the bootstrapping calls made outside any trial.
    const trialCalls = events.reduce((sum, e) => sum + (e.type === 'trial' ? e.trial.usage.calls : 0), 0);
    expect(trialCalls).toBeGreaterThan(0);
    expect(stored?.spent?.calls).toBeGreaterThan(trialCalls);
  }, 60_000);

  it('prefers the saved spending to the trials’ usage when resuming', async () => {
    const db = interrupted(0);
    const row = db.runs.get('r1');
    if (!row) throw new Error('no run');
    db.runs.set('r1', { ...row, spent: { calls: 40, tokens: 400, cost: 0 } });
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence, cacheStore: new MemoryCacheStore() }).dispatch({ type: 'resume', runId: 'r1' }, (e) => events.push(e));
    const last = events.at(-1);
    expect(last?.type === 'finished' && last.result.stopReason).toBe('budget');
  }, 60_000);
});
