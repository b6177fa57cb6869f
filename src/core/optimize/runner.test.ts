import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { createOpenAIClient } from '../lm/openai-client';
import { MemoryCacheStore } from '../lm/cache-store';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { cancelAfter } from './test-support/cancel';

const rows = generateClassification(60, 3);
const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 30);
const devset = examples.slice(30);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'labeled-fewshot', config: { k: 4 }, graph, trainset, devset, metric: getMetric('exact-match'), seed: 7, concurrency: 4, ...overrides };
}

function host(events: RunEvent[], extra: { signal?: AbortSignal; cache?: MemoryCacheStore; latencyMs?: number } = {}) {
  const taskClient = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: extra.latencyMs ?? 0 }) });
  return { taskClient, cacheStore: extra.cache, emit: (e: RunEvent) => events.push(e), signal: extra.signal };
}

describe('runOptimizer', () => {
  it('emits started with the plan, trials, best, progress and finished with dev scores', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec(), host(events));
    expect(outcome.status).toBe('finished');
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('finished');
    expect(types).toContain('trial');
    expect(types).toContain('best');
    expect(types).toContain('progress');
    const started = events[0] as Extract<RunEvent, { type: 'started' }>;
    expect(started.plan.taskCalls).toBe(30 + 2 * 30);
    if (outcome.status !== 'finished') return;
    expect(outcome.result.program['classify']?.demos).toHaveLength(4);
    expect(outcome.result.baselineDevScore).toBeGreaterThanOrEqual(0);
    expect(outcome.result.finalDevScore).toBeGreaterThanOrEqual(0);
    expect(outcome.result.trials).toBe(1);
    // One call per run, plus a JSON-adapter retry for each reply the chat format could not parse.
    expect(outcome.result.usage.calls).toBeGreaterThanOrEqual(90);
    expect(outcome.result.usage.calls).toBeLessThanOrEqual(180);
  });

  it('is deterministic for a seed, and a warm cache replays it without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const a = await runOptimizer(spec(), host([], { cache }));
    const b = await runOptimizer(spec(), host([], { cache }));
    expect(a.status === 'finished' && b.status === 'finished').toBe(true);
    if (a.status !== 'finished' || b.status !== 'finished') return;
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(b.result.usage.calls).toBe(b.result.usage.cachedCalls);
    expect(b.result.usage.spent.totalTokens).toBe(0);
    expect(b.result.usage.saved.totalTokens).toBe(a.result.usage.spent.totalTokens);
  });

  it('stops at the call budget and still returns a valid best-so-far', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec({ budget: { maxCalls: 10 }, devset: [] }), host(events));
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    expect(outcome.result.stopReason).toBe('budget');
    expect(outcome.result.usage.calls).toBeLessThanOrEqual(10);
    expect(outcome.result.program['classify']).toBeDefined();
    expect(events.some((e) => e.type === 'log' && e.message.includes('call budget'))).toBe(true);
  });

  it('cancels within a second, emitting cancelled', async () => {
    const events: RunEvent[] = [];
    const { outcome, stopMs } = await cancelAfter(300, (signal) => runOptimizer(spec(), host(events, { signal, latencyMs: 200 })));
    expect(stopMs).toBeLessThan(1000);
    expect(outcome.status).toBe('cancelled');
    expect(events.at(-1)?.type).toBe('cancelled');
  });

  it('fails with a message naming a bad config key or too little data', async () => {
    const bad = await runOptimizer(spec({ config: { k: 0 } }), host([]));
    expect(bad).toMatchObject({ status: 'failed', error: expect.stringContaining('config k:') });
    const unknown = await runOptimizer(spec({ optimizer: 'nope' }), host([]));
    expect(unknown).toMatchObject({ status: 'failed', error: "unknown optimizer 'nope'" });
    const empty = await runOptimizer(spec({ trainset: [] }), host([]));
    expect(empty).toMatchObject({ status: 'failed', error: 'LabeledFewShot needs at least 1 training examples (got 0)' });
  });

  it('plans tokens from the prompt and prices them when the model has a price', () => {
    const plan = planRun(spec(), 'gpt-4o-mini');
    expect(plan.estimatedTokens).toBeGreaterThan(plan.taskCalls * 60);
    expect(plan.estimatedCost).toBeGreaterThan(0);
    expect(planRun(spec(), 'sim-1').estimatedCost).toBeUndefined();
  });
});
