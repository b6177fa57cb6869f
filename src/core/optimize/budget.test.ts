import { describe, expect, it } from 'vitest';
import { generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { FakeLM } from '../lm/fake-lm';
import type { LM } from '../lm/types';
import { UsageMeter } from '../lm/usage';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import { BudgetExceededError, createBudgetGuard } from './budget';
import { runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

const rows = generateClassification(40, 5);
const trainset: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });
const MAX_CALLS = 18;

// Concurrency 1 keeps the order of calls, and so the point where the budget stops, fixed.
const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  optimizer: 'bootstrap-fewshot', config: {}, graph, trainset, valset: trainset.slice(0, 20), devset: [], metric: getMetric('exact-match'),
  seed: 3, concurrency: 1, budget: { maxCalls: MAX_CALLS }, ...overrides,
});

/** The sim host, counting the requests that reach the provider and what they cost. */
function countingHost(cache: MemoryCacheStore, stopAfter?: { calls: number; controller: AbortController }) {
  const host = simHost([], undefined, cache);
  const spent = { calls: 0, tokens: 0 };
  const inner = host.taskClient;
  const taskClient: LM = {
    model: inner.model,
    async complete(request) {
      if (stopAfter && spent.calls >= stopAfter.calls) {
        stopAfter.controller.abort(); // the page goes away before this request is sent
        throw new Error('interrupted');
      }
      spent.calls++;
      const response = await inner.complete(request);
      spent.tokens += response.usage.totalTokens;
      return response;
    },
  };
  return { host: { ...host, taskClient, signal: stopAfter?.controller.signal }, spent };
}

describe('createBudgetGuard', () => {
  it('counts what a resumed run spent before against the same limits', async () => {
    const client = new FakeLM();
    const exceeded: string[] = [];
    const guard = createBudgetGuard({ maxCalls: 5 }, new UsageMeter(), (r) => exceeded.push(r), { calls: 3, tokens: 0 });
    const lm = guard.wrap(client);
    await lm.complete({ messages: [{ role: 'user', content: 'a' }] });
    await lm.complete({ messages: [{ role: 'user', content: 'b' }] });
    await expect(lm.complete({ messages: [{ role: 'user', content: 'c' }] })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(client.calls).toBe(2);
    expect(exceeded).toEqual(['the call budget (5 calls) is spent']);

    const tokens = createBudgetGuard({ maxTokens: 100 }, new UsageMeter(), () => undefined, { calls: 0, tokens: 100 });
    await expect(tokens.wrap(client).complete({ messages: [{ role: 'user', content: 'd' }] })).rejects.toThrow('the token budget (100 tokens) is spent');
    const cost = createBudgetGuard({ maxCost: 0.5 }, new UsageMeter(), () => undefined, { calls: 0, tokens: 0, cost: 0.5 });
    await expect(cost.wrap(client).complete({ messages: [{ role: 'user', content: 'e' }] })).rejects.toThrow('the cost budget ($0.5) is spent');
    expect(client.calls).toBe(2);
  });
});

describe('a resumed run with a call budget', () => {
  it('stops at the same total of provider calls, with the same program, as an uninterrupted run', async () => {
    const whole = countingHost(new MemoryCacheStore());
    const reference = await runOptimizer(spec(), whole.host);
    if (reference.status !== 'finished') throw new Error(`the reference run ended ${reference.status}`);
    expect(reference.result.stopReason).toBe('budget');
    expect(whole.spent.calls).toBe(MAX_CALLS);

    // The same run, interrupted after 8 provider calls; their replies are in its cache.
    const cache = new MemoryCacheStore();
    const first = countingHost(cache, { calls: 8, controller: new AbortController() });
    expect((await runOptimizer(spec(), first.host)).status).toBe('cancelled');
    expect(first.spent.calls).toBe(8);

    // Resumed with what it spent: replayed calls are free hits, new ones count on top of the 8.
    const second = countingHost(cache);
    const resumed = await runOptimizer(spec({ spent: first.spent }), second.host);
    if (resumed.status !== 'finished') throw new Error(`the resumed run ended ${resumed.status}`);
    expect(resumed.result.stopReason).toBe('budget');
    expect(first.spent.calls + second.spent.calls).toBe(MAX_CALLS);
    expect(resumed.result.program).toEqual(reference.result.program);

    // Without the carried spend the budget would restart and the run would overspend.
    const cold = new MemoryCacheStore();
    const again = countingHost(cold, { calls: 8, controller: new AbortController() });
    await runOptimizer(spec(), again.host);
    const restarted = countingHost(cold);
    await runOptimizer(spec(), restarted.host);
    expect(again.spent.calls + restarted.spent.calls).toBeGreaterThan(MAX_CALLS);
  });
});
