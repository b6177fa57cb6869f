import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createOpenAIClient } from '../lm/openai-client';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import { copro, coproConfig } from './copro';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { cancelAfter } from './test-support/cancel';

const rows = generateClassification(100, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `t${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const devset = examples.slice(40);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(config: Record<string, unknown> = {}): RunSpec {
  return { optimizer: 'copro', config, graph, trainset, devset, metric: getMetric('exact-match'), seed: 3, concurrency: 8 };
}

/** Separate task and prompt clients, each counting the requests that reach the provider. */
function host(events: RunEvent[], cache?: MemoryCacheStore) {
  const counts = { task: 0, prompt: 0 };
  const counting = (which: 'task' | 'prompt'): typeof fetch => {
    const sim = createSimFetch({ latencyMs: 0 });
    return (input, init) => {
      counts[which]++;
      return sim(input, init);
    };
  };
  const taskClient = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: counting('task') });
  const promptClient = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: counting('prompt') });
  return { counts, host: { taskClient, promptClient, cacheStore: cache, emit: (e: RunEvent) => events.push(e) } };
}

let memo: Promise<{ outcome: Awaited<ReturnType<typeof runOptimizer>>; events: RunEvent[]; counts: { task: number; prompt: number } }> | undefined;

/** One default-config run, shared by the tests that read it. */
function defaultRun() {
  memo ??= (async () => {
    const events: RunEvent[] = [];
    const { counts, host: h } = host(events);
    const outcome = await runOptimizer(spec(), h);
    return { outcome, events, counts };
  })();
  return memo;
}

describe('COPRO', { timeout: 60_000 }, () => {
  it("accepts DSPy's parameter names with DSPy's defaults", () => {
    expect(coproConfig.parse({})).toEqual({ breadth: 10, depth: 3, init_temperature: 1.4, track_stats: false });
    expect(() => coproConfig.parse({ breadth: 1 })).toThrow();
  });

  it('plans breadth × depth evaluations on the train set and P × depth proposal calls', () => {
    const plan = planRun(spec(), 'sim-1');
    expect(plan.taskRuns).toBe(10 * 3 * 40 + 2 * devset.length);
    expect(plan.promptCalls).toBe(3);
    // Several predictors: every round re-scores all candidates so far, as DSPy.
    const two = copro.plan(coproConfig.parse({}), { train: 40, val: 40, predictors: 2 });
    expect(two.taskRuns).toBe(2 * 10 * 6 * 40);
    expect(two.taskCalls).toBe(2 * two.taskRuns);
    expect(two.promptCalls).toBe(6);
  });

  it('improves the instruction-only program on held-out data, within the planned calls', async () => {
    const { outcome, events, counts } = await defaultRun();
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    const trials = events.filter((e): e is Extract<RunEvent, { type: 'trial' }> => e.type === 'trial');
    expect(trials.length).toBeGreaterThan(1);
    expect(trials.length).toBeLessThanOrEqual(30);
    expect(trials.every((t) => t.trial.subset === 'full' && t.trial.examples.length === trainset.length)).toBe(true);
    const plan = (events[0] as Extract<RunEvent, { type: 'started' }>).plan;
    expect(counts.prompt).toBeGreaterThanOrEqual(3);
    // A reply the chat format cannot parse is retried once through JSON: at most twice the plan.
    expect(counts.prompt).toBeLessThanOrEqual(2 * plan.promptCalls);
    expect(counts.task).toBeLessThanOrEqual(2 * plan.taskCalls);
    const { baselineDevScore = 0, finalDevScore = 0 } = outcome.result;
    // The bar. COPRO's proposer sees only the instruction text (never data, as in DSPy):
    // the sim writes general classification advice for a `label` output, some of it useful
    // (decide by the problem still open, one allowed label only, reason first), and keeps what
    // the higher-scored attempts said. Measured +16.7 here; +17 / +24 / +16.5 on data seeds 1-3.
    expect(finalDevScore - baselineDevScore).toBeGreaterThanOrEqual(0.15);
  });

  it('is deterministic for a seed, and replays from a warm cache without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const config = { breadth: 4, depth: 2 };
    const first = host([], cache);
    const a = await runOptimizer(spec(config), first.host);
    const second = host([], cache);
    const b = await runOptimizer(spec(config), second.host);
    expect(a.status === 'finished' && b.status === 'finished').toBe(true);
    if (a.status !== 'finished' || b.status !== 'finished') return;
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(second.counts).toEqual({ task: 0, prompt: 0 });
    expect(b.result.usage.calls).toBe(b.result.usage.cachedCalls);
  });

  it('cancels within a second', async () => {
    const taskClient = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 100 }) });
    const { outcome, stopMs } = await cancelAfter(400, (signal) => runOptimizer(spec(), { taskClient, emit: () => {}, signal }));
    expect(stopMs).toBeLessThan(1000);
    expect(outcome.status).toBe('cancelled');
  });
});
