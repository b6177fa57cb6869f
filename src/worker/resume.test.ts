import { describe, expect, it } from 'vitest';
import type { Example } from '../core/data/types';
import { MemoryCacheStore } from '../core/lm/cache-store';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import { generateArithmetic } from '../sim';
import { createRunDispatcher } from './dispatcher';
import type { OptimizeCommand, WorkerEvent } from './protocol';
import { commandFromStored, runLiveness, runLockName, storedCommand } from './resume';
import { memoryLocks, memoryPersistence } from './resume-test-support';

const rows: Example[] = generateArithmetic(24, 11).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

function command(overrides: Partial<OptimizeCommand> = {}): OptimizeCommand {
  return {
    type: 'optimize', runId: 'r1', projectId: 'p1', graph, metricId: 'exact-match', concurrency: 3,
    provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 2 },
    optimizer: 'random-search', config: { num_candidate_programs: 3, max_bootstrapped_demos: 2 }, trainset: rows.slice(0, 10), devset: rows.slice(10, 16), seed: 7, budget: {},
    ...overrides,
  };
}

const lastProgress = (events: WorkerEvent[]) => events.filter((e) => e.type === 'progress').at(-1);
const uncachedCalls = (events: WorkerEvent[]) => {
  const p = lastProgress(events);
  return p?.type === 'progress' ? p.progress.calls : 0;
};

describe('the stored command', () => {
  it('never holds the API key, and gets it back only when resuming', () => {
    const http = command({ provider: { kind: 'http', baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-secret-0123456789', taskModel: 'sim-1' } });
    const stored = storedCommand(http);
    expect(JSON.stringify(stored)).not.toContain('sk-secret');
    const back = commandFromStored({ id: 'r9', command: stored }, 'sk-other-key');
    expect(back.runId).toBe('r9');
    expect(back.provider).toEqual({ kind: 'http', baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-other-key', taskModel: 'sim-1' });
  });

  it('names the missing or broken field of a command it cannot resume', () => {
    expect(() => commandFromStored({ id: 'old' })).toThrow(/run old cannot be resumed: it was stored without its command/);
    const broken = { ...storedCommand(command()), trainset: 'nope' };
    expect(() => commandFromStored({ id: 'r1', command: broken })).toThrow(/no valid 'trainset' \(a list of examples\)/);
    expect(() => commandFromStored({ id: 'r1', command: { ...broken, type: 'train' } })).toThrow(/'type'/);
  });
});

describe('runLiveness', () => {
  const held = new Set([runLockName('a')]);
  it('tells runs of this tab, of another tab, interrupted ones and ended ones apart', () => {
    expect(runLiveness({ id: 'a', status: 'running' }, held, new Set(['a']))).toBe('here');
    expect(runLiveness({ id: 'a', status: 'running' }, held, new Set())).toBe('elsewhere');
    expect(runLiveness({ id: 'b', status: 'running' }, held, new Set())).toBe('interrupted');
    expect(runLiveness({ id: 'b', status: 'interrupted' }, held, new Set())).toBe('interrupted');
    expect(runLiveness({ id: 'b', status: 'finished' }, held, new Set())).toBe('ended');
  });
});

describe('resuming an interrupted run', () => {
  it('ends with the program an uninterrupted run finds, writes no trial twice and repeats no finished call', async () => {
    // The reference: the same command, uninterrupted, on its own cache.
    const reference: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: memoryPersistence().persistence, cacheStore: new MemoryCacheStore() }).dispatch(command(), (e) => reference.push(e));
    const expected = reference.at(-1);
    if (expected?.type !== 'finished') throw new Error(`reference run ended ${expected?.type}`);

    // The first tab dies at its third trial: nothing it does afterwards reaches the database.
    const db = memoryPersistence();
    const cacheStore = new MemoryCacheStore();
    const first = createRunDispatcher({ persistence: db.persistence, cacheStore });
    const before: WorkerEvent[] = [];
    await first.dispatch(command(), (e) => {
      before.push(e);
      if (e.type === 'trial' && e.trial.index === 2) {
        db.crash();
        void first.dispatch({ type: 'cancel', runId: 'r1' }, () => undefined);
      }
    });
    db.revive();
    expect(db.runs.get('r1')?.status).toBe('running');
    // Trial writes trail their events: the dead tab stored the first trials, not the third.
    const kept = db.trials.map((t) => t.trial.index);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(kept.map((_, i) => i));
    expect(kept).not.toContain(2);

    const after: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence, cacheStore }).dispatch({ type: 'resume', runId: 'r1' }, (e) => after.push(e));
    const finished = after.at(-1);
    if (finished?.type !== 'finished') throw new Error(`resumed run ended ${finished?.type}: ${JSON.stringify(finished)}`);
    expect(finished.result.program).toEqual(expected.result.program);
    expect(finished.result.score).toBe(expected.result.score);
    const run = db.runs.get('r1');
    expect(run).toMatchObject({ status: 'finished', resumes: 1, program: expected.result.program });
    // Every trial once, in order, the same count as the uninterrupted run.
    const indexes = db.trials.map((t) => t.trial.index);
    expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(indexes.length).toBe(reference.filter((e) => e.type === 'trial').length);
    // Provider calls: no more than the uninterrupted run's plus those in flight at the crash.
    expect(uncachedCalls(before) + uncachedCalls(after)).toBeLessThanOrEqual(uncachedCalls(reference) + command().concurrency);
    expect(uncachedCalls(after)).toBeLessThan(uncachedCalls(reference));
  }, 60_000);

  it('refuses a run that has ended, and one another tab is running', async () => {
    const db = memoryPersistence();
    const locks = memoryLocks();
    const dispatcher = createRunDispatcher({ persistence: db.persistence, locks });
    const events: WorkerEvent[] = [];
    await dispatcher.dispatch(command({ optimizer: 'labeled-fewshot', config: { k: 2 } }), () => undefined);
    await dispatcher.dispatch({ type: 'resume', runId: 'r1' }, (e) => events.push(e));
    expect(events).toEqual([{ runId: 'r1', type: 'failed', error: 'run r1 has already ended (finished); only an interrupted run can be resumed' }]);

    // Another tab holds r2's lock: this tab neither starts nor records it.
    locks.held.add('r2');
    const refused: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence, locks }).dispatch(command({ runId: 'r2' }), (e) => refused.push(e));
    expect(refused).toEqual([{ runId: 'r2', type: 'failed', error: 'run r2 is running in another tab; watch it there or wait for it to end' }]);
    expect(db.runs.has('r2')).toBe(false);
  });
});
