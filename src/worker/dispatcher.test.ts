import { describe, expect, it } from 'vitest';
import { generateArithmetic } from '../sim';
import type { Example } from '../core/data/types';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import { MemoryCacheStore } from '../core/lm/cache-store';
import { createPauseGate } from '../core/lm/scheduler-flow';
import { createRunDispatcher } from './dispatcher';
import type { Embedder } from '../core/lm/types';
import type { OptimizeCommand, WorkerEvent } from './protocol';
import { memoryPersistence } from './resume-test-support';

const rows: Example[] = generateArithmetic(24, 5).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

function optimizeCommand(overrides: Partial<OptimizeCommand> = {}): OptimizeCommand {
  return {
    type: 'optimize', runId: 'run-1', projectId: 'p1', graph, metricId: 'exact-match', concurrency: 4,
    provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 },
    optimizer: 'labeled-fewshot', config: { k: 4 }, trainset: rows.slice(0, 12), devset: rows.slice(12), seed: 3, budget: {},
    ...overrides,
  };
}

describe('run dispatcher', () => {
  it('runs an optimization on the Demo provider, forwarding events and persisting every trial before the run ends', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence }).dispatch(optimizeCommand(), (e) => events.push(e));
    expect(events.every((e) => e.runId === 'run-1')).toBe(true);
    expect(events[0]?.type).toBe('started');
    expect(events.at(-1)?.type).toBe('finished');
    const trialEvents = events.filter((e) => e.type === 'trial');
    expect(trialEvents.length).toBeGreaterThan(0);
    expect(db.trials).toHaveLength(trialEvents.length);
    expect(db.order[0]).toBe('create run-1');
    expect(db.order[1]).toBe('update run-1 ');
    expect(db.order.at(-1)).toBe('update run-1 finished');
    const run = db.runs.get('run-1');
    expect(run?.status).toBe('finished');
    expect(run?.program?.['add']?.demos).toHaveLength(4);
    expect(typeof run?.baselineScore).toBe('number');
    // The simulator is free: a known zero, not an unknown cost.
    const finished = events.at(-1);
    expect(finished?.type === 'finished' && finished.result.usage.spent.cost).toBe(0);
  });

  it('evaluates the graph on a split and stores it as a one-trial run', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence }).dispatch(
      { type: 'evaluate', runId: 'ev-1', projectId: 'p1', graph, metricId: 'exact-match', concurrency: 4, provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, examples: rows.slice(0, 8), split: 'dev' },
      (e) => events.push(e),
    );
    const last = events.at(-1);
    expect(last?.type).toBe('evaluated');
    if (last?.type !== 'evaluated') return;
    expect(last.summary.examples).toHaveLength(8);
    expect(last.summary.calls).toBeGreaterThanOrEqual(8);
    const progress = events.filter((e) => e.type === 'eval-progress');
    // Throttled, but the last one always reports the whole set.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(8);
    expect(progress.at(-1)).toMatchObject({ done: 8, total: 8 });
    expect(db.trials[0]?.trial.label).toBe('evaluate dev');
    expect(db.runs.get('ev-1')?.score).toBe(last.summary.score);
  });

  it('records what an evaluation paid, embeddings requests included, as its spending', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    let embeddingTokens = 0;
    // Services get the run's embedder, as a Retrieve node's embedding search does.
    const services = async (_command: unknown, embedder?: Embedder) => {
      if (!embedder) throw new Error('an evaluation gets the run embedder');
      embeddingTokens = (await embedder.embed({ input: ['how do I reset my password?'] })).usage.promptTokens;
      return {};
    };
    await createRunDispatcher({ persistence: db.persistence, services }).dispatch(
      { type: 'evaluate', runId: 'ev-2', projectId: 'p1', graph, metricId: 'exact-match', concurrency: 4, provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, examples: rows.slice(0, 8), split: 'dev' },
      (e) => events.push(e),
    );
    const last = events.at(-1);
    if (last?.type !== 'evaluated') throw new Error(`run ended ${last?.type}`);
    expect(embeddingTokens).toBeGreaterThan(0);
    expect(db.runs.get('ev-2')?.spent).toEqual({ calls: last.summary.calls + 1, tokens: last.summary.totalTokens + embeddingTokens, cost: 0 });
  });

  it('saves the final spending when an optimization ends, not only once a second', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    // A clock that stands still: no progress event is saved on the way.
    await createRunDispatcher({ persistence: db.persistence, now: () => 0 }).dispatch(optimizeCommand({ runId: 'still' }), (e) => events.push(e));
    const finished = events.at(-1);
    if (finished?.type !== 'finished') throw new Error(`run ended ${finished?.type}`);
    const { usage } = finished.result;
    expect(db.runs.get('still')?.spent).toEqual({ calls: usage.calls - usage.cachedCalls, tokens: usage.spent.totalTokens, cost: 0 });
  });

  it('cancels a running optimization and records it as cancelled', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    const dispatcher = createRunDispatcher({ persistence: db.persistence });
    const run = dispatcher.dispatch(optimizeCommand({ provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 100 }, concurrency: 1 }), (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 250));
    await dispatcher.dispatch({ type: 'cancel', runId: 'run-1' }, () => undefined);
    await run;
    expect(events.at(-1)?.type).toBe('cancelled');
    expect(db.runs.get('run-1')?.status).toBe('cancelled');
  });

  it('gives the optimizers the provider\'s embeddings and fine-tuning API on the Demo provider', async () => {
    for (const [optimizer, config] of [['knn-fewshot', { k: 3, max_bootstrapped_demos: 2 }], ['bootstrap-finetune', {}]] as const) {
      const db = memoryPersistence();
      const events: WorkerEvent[] = [];
      await createRunDispatcher({ persistence: db.persistence }).dispatch(optimizeCommand({ runId: optimizer, optimizer, config }), (e) => events.push(e));
      const last = events.at(-1);
      expect(last?.type === 'failed' ? last.error : last?.type, optimizer).toBe('finished');
    }
  }, 30_000);

  it("holds a run's embeddings requests while offline, then meters them and stops at its call budget", async () => {
    const gate = createPauseGate(true);
    const events: WorkerEvent[] = [];
    const command = optimizeCommand({ runId: 'offline', optimizer: 'knn-fewshot', config: { k: 3 }, devset: [], budget: { maxCalls: 1 } });
    const done = createRunDispatcher({ persistence: memoryPersistence().persistence, gate }).dispatch(command, (e) => events.push(e));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((e) => e.type)).toEqual(['started']);
    gate.resume();
    await done;
    const last = events.at(-1);
    if (last?.type !== 'finished') throw new Error(`run ended ${last?.type}`);
    // The train inputs' embeddings request was the one call the budget allowed; no LM call went.
    expect(last.result.stopReason).toBe('budget');
    expect(last.result.usage.calls).toBe(1);
    expect(last.result.usage.spent.promptTokens).toBeGreaterThan(0);
    expect(last.result.usage.spent.completionTokens).toBe(0);
  });

  it('replays a candidate on one example through the cache, with its exact messages and no new calls', async () => {
    const cacheStore = new MemoryCacheStore();
    const dispatcher = createRunDispatcher({ persistence: memoryPersistence().persistence, cacheStore });
    const events: WorkerEvent[] = [];
    await dispatcher.dispatch(optimizeCommand(), (e) => events.push(e));
    const finished = events.at(-1);
    if (finished?.type !== 'finished') throw new Error(`run ended ${finished?.type}`);
    const example = rows[12] as Example;
    const replay = await dispatcher.replay({ graph, candidate: finished.result.program, inputs: { a: example.data.a, b: example.data.b }, provider: optimizeCommand().provider });
    expect(replay.calls).toBeGreaterThan(0);
    expect(replay.cachedCalls).toBe(replay.calls);
    const call = replay.prediction.trace[0]?.calls[0];
    expect(call?.messages[0]?.content).toContain('Your input fields are:');
    expect(call?.raw).toContain('[[ ## sum ## ]]');
  });

  it('fails with a message naming an unknown metric, without crashing', async () => {
    const db = memoryPersistence();
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: db.persistence }).dispatch(optimizeCommand({ metricId: 'nope' }), (e) => events.push(e));
    const last = events.at(-1);
    expect(last?.type === 'failed' && last.error).toContain("unknown metric 'nope'");
  });
});
