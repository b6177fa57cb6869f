import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createOpenAIClient } from '../lm/openai-client';
import type { LM } from '../lm/types';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import type { RunEvent, TrialRecord } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { cancelAfter } from './test-support/cancel';

const rows = generateClassification(130, 13);
const examples: Example[] = rows.map((r, i) => ({ id: `s${i}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const valset = examples.slice(40, 70);
const devset = examples.slice(70);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });
const SMALL = { bsize: 16, num_candidates: 4, max_steps: 3 };
// Smaller than the defaults (32 × 6 × 8 steps ≈ 3,300 runs) to keep the file fast on a loaded machine.
const MEDIUM = { bsize: 16, num_candidates: 4, max_steps: 6 };

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'simba', config: {}, graph, trainset, valset, devset, metric: getMetric('exact-match'), seed: 2, concurrency: 8, ...overrides };
}

function counting(lm: LM): LM & { calls: number } {
  const counted = { model: lm.model, calls: 0, complete: (r: Parameters<LM['complete']>[0]) => (counted.calls++, lm.complete(r)) };
  return counted;
}

function host(events: RunEvent[], extra: { cache?: MemoryCacheStore; signal?: AbortSignal; latencyMs?: number } = {}) {
  const fetch = createSimFetch({ latencyMs: extra.latencyMs ?? 0 });
  const taskClient = counting(createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch }));
  const promptClient = counting(createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch }));
  return { taskClient, promptClient, cacheStore: extra.cache, signal: extra.signal, emit: (e: RunEvent) => events.push(e) };
}

const trials = (events: RunEvent[]): TrialRecord[] => events.flatMap((e) => (e.type === 'trial' ? [e.trial] : []));

describe('simba on the sim (classification)', () => {
  it('improves held-out dev accuracy over zero-shot', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec({ config: MEDIUM }), host(events));
    if (outcome.status !== 'finished') throw new Error(`run ended as ${outcome.status}`);
    const { baselineDevScore = 1, finalDevScore = 0 } = outcome.result;
    expect(finalDevScore).toBeGreaterThan(baselineDevScore);
    const all = trials(events);
    // 6 steps of up to C+1 = 5 candidates on the batch, then up to C+1 winners on the full val set.
    expect(all.filter((t) => t.subset === 'minibatch').length).toBeLessThanOrEqual(6 * 5);
    expect(all.filter((t) => t.subset === 'minibatch').every((t) => t.examples.length === 16)).toBe(true);
    const finals = all.filter((t) => t.subset === 'full');
    expect(finals.length).toBeGreaterThanOrEqual(2);
    expect(finals.length).toBeLessThanOrEqual(5);
    expect(finals.every((t) => t.examples.length === valset.length)).toBe(true);
  }, 60_000);

  it('makes the calls its plan counts: bsize·(2C+1) runs and ≤ C+1 OfferFeedback calls per step', async () => {
    const h = host([]);
    const config = { ...SMALL };
    const plan = planRun(spec({ config }), 'sim-1');
    const outcome = await runOptimizer(spec({ config }), h);
    if (outcome.status !== 'finished') throw new Error(`run ended as ${outcome.status}`);
    // Sampling alone is steps·bsize·C distinct requests (distinct rollout ids), all sent.
    expect(h.taskClient.calls).toBeGreaterThanOrEqual(3 * 16 * 4);
    expect(h.taskClient.calls).toBeLessThanOrEqual(2 * plan.taskCalls);
    expect(h.promptClient.calls).toBeGreaterThan(0);
    // A rule may fall back to the JSON adapter once.
    expect(h.promptClient.calls).toBeLessThanOrEqual(2 * plan.promptCalls);
  });

  it('is deterministic for a seed, and a warm cache replays it without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const config = { ...SMALL };
    const a = await runOptimizer(spec({ config, devset: [] }), host([], { cache }));
    const warm = host([], { cache });
    const b = await runOptimizer(spec({ config, devset: [] }), warm);
    const c = await runOptimizer(spec({ config, devset: [] }), host([]));
    if (a.status !== 'finished' || b.status !== 'finished' || c.status !== 'finished') throw new Error('all runs should finish');
    expect(warm.taskClient.calls + warm.promptClient.calls).toBe(0);
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(JSON.stringify(c.result.program)).toBe(JSON.stringify(a.result.program));
  }, 60_000);

  it('refuses a train set smaller than bsize, naming both numbers', async () => {
    const outcome = await runOptimizer(spec({ config: { bsize: 64 } }), host([]));
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining("bsize is 64 but the train set has 40 examples") });
  });

  it('cancels within a second', async () => {
    const { outcome, stopMs } = await cancelAfter(400, (signal) => runOptimizer(spec({ devset: [] }), host([], { signal, latencyMs: 50 })));
    expect(stopMs).toBeLessThan(1000);
    expect(outcome.status).toBe('cancelled');
  });
});
