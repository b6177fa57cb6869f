/**
 * The real `openai` SDK over real HTTP against the simulated LM server (src/sim): the stack's
 * promises (cap, Retry-After, abort, cache, 5xx retry) measured from the server's side.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimFetch } from '../../sim/fetch';
import { startSimServer } from '../../sim/server';
import { MemoryCacheStore, withCache } from './cache';
import { waitFor } from './fake-lm';
import { createOpenAIClient } from './openai-client';
import { withScheduler } from './scheduler';
import { createLM } from './stack';
import type { LMRequest } from './types';
import { UsageMeter } from './usage';

type Sim = Awaited<ReturnType<typeof startSimServer>>;

const MODEL = 'sim-1';
const ask = (content: string): LMRequest => ({ messages: [{ role: 'user', content }] });

/** A fetch that notes when each request left and when its response arrived. */
function timedFetch() {
  const log: Array<{ sentAt: number; answeredAt?: number; status?: number }> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const entry: { sentAt: number; answeredAt?: number; status?: number } = { sentAt: performance.now() };
    log.push(entry);
    const response = await fetch(input, init);
    entry.answeredAt = performance.now();
    entry.status = response.status;
    return response;
  };
  return { fetch: fetchFn, log };
}

let sim: Sim;

beforeAll(async () => {
  sim = await startSimServer({ port: 0 });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  sim.setOptions({ latencyMs: 0, jitterMs: 0, rate429: 0, rate5xx: 0, rateMalformed: 0 });
  sim.resetStats();
});

describe('LM stack against the sim server', () => {
  it('never exceeds the concurrency cap, and uses all of it', async () => {
    sim.setOptions({ latencyMs: 50 });
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    const lm = withScheduler(client, { concurrency: 4 });
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => lm.complete(ask(`question ${i}`))));
    expect(replies).toHaveLength(40);
    const stats = sim.stats();
    expect(stats.chatCompletions).toBe(40);
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
    expect(stats.peakInFlight).toBe(4);
  });

  it('honours Retry-After: the retry waits at least as long as the header says', async () => {
    sim.setOptions({ rate429: 1, retryAfterSeconds: 1 });
    const { fetch, log } = timedFetch();
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL, fetch });
    const lm = withScheduler(client, {
      concurrency: 1,
      baseDelayMs: 10,
      // The sim answers 429 to everything; lift it once the first 429 has been seen.
      onRetry: () => sim.setOptions({ rate429: 0 }),
    });
    const reply = await lm.complete(ask('rate limited'));
    expect(reply.texts[0]).toBeTypeOf('string');
    expect(log.map((e) => e.status)).toEqual([429, 200]);
    const [first, second] = log;
    expect(second!.sentAt - first!.answeredAt!).toBeGreaterThanOrEqual(1000);
    expect(sim.stats().statuses).toMatchObject({ '429': 1, '200': 1 });
  });

  it('aborts in-flight calls within 200 ms and the server sees them go', async () => {
    sim.setOptions({ latencyMs: 2000 });
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    const lm = withScheduler(client, { concurrency: 2 });
    const controller = new AbortController();
    const calls = [1, 2, 3].map((i) => lm.complete({ ...ask(`slow ${i}`), signal: controller.signal }));
    const settled = Promise.allSettled(calls);
    await waitFor(() => sim.stats().inFlight === 2, 'two requests in flight at the sim', 1500);
    expect(lm.queued).toBe(1);

    const abortedAt = performance.now();
    controller.abort();
    const results = await settled;
    expect(performance.now() - abortedAt).toBeLessThan(200);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ name: 'AbortError' });
    }
    // Well before the 2 s latency would have ended them on its own.
    await waitFor(() => sim.stats().inFlight === 0, 'the sim to drain', 1000);
    expect(sim.stats()).toMatchObject({ chatCompletions: 2, aborted: 2 }); // the queued call never reached it
  });

  it('answers a repeated request from the cache without any HTTP request', async () => {
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    const lm = withCache(withScheduler(client, { concurrency: 2 }), new MemoryCacheStore());
    const first = await lm.complete(ask('What is 2 + 2?'));
    const before = sim.stats();
    const second = await lm.complete(ask('What is 2 + 2?'));
    expect(sim.stats()).toEqual(before);
    expect(second).toMatchObject({ texts: first.texts, usage: first.usage, cached: true });
  });

  it('retries 5xx to success', async () => {
    sim.setOptions({ rate5xx: 1 });
    let retries = 0;
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    const lm = withScheduler(client, {
      concurrency: 1,
      baseDelayMs: 10,
      onRetry: () => {
        retries++;
        if (retries === 2) sim.setOptions({ rate5xx: 0 });
      },
    });
    const reply = await lm.complete(ask('flaky'));
    expect(reply.texts[0]).toBeTypeOf('string');
    const { statuses } = sim.stats();
    const serverErrors = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((n, [, count]) => n + count, 0);
    expect(serverErrors).toBe(2);
    expect(statuses['200']).toBe(1);
  });

  it('retries random faults to success and meters what was spent', async () => {
    sim.setOptions({ rate5xx: 0.3, rate429: 0.2, retryAfterSeconds: 0, faultSeed: 7 });
    const meter = new UsageMeter({ [MODEL]: { input: 1, output: 2 } });
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    const lm = createLM({ client, cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 3, baseDelayMs: 5, maxRetries: 10 }, meter });
    const questions = Array.from({ length: 12 }, (_, i) => ask(`sum ${i}`));
    await Promise.all(questions.map((q) => lm.complete(q)));
    await Promise.all(questions.map((q) => lm.complete(q)));
    const totals = meter.totals();
    expect(totals).toMatchObject({ calls: 24, cachedCalls: 12 });
    expect(totals.saved.totalTokens).toBe(totals.spent.totalTokens);
    expect(totals.spent.cost).toBeGreaterThan(0);
    const { statuses } = sim.stats();
    expect(statuses['200']).toBe(12);
    expect((statuses['429'] ?? 0) + (statuses['500'] ?? 0)).toBeGreaterThan(0); // faults did happen
  });

  it('runs in-process through the fetch option, as the in-page Demo provider does', async () => {
    const client = createOpenAIClient({ baseURL: 'http://demo.invalid/v1', model: MODEL, fetch: createSimFetch() });
    const lm = createLM({ client, cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 2 } });
    const reply = await lm.complete(ask('What is 2 + 2?'));
    expect(reply).toMatchObject({ model: MODEL, cached: false });
    expect(reply.usage.totalTokens).toBeGreaterThan(0);
    expect(await client.listModels()).toContain(MODEL);
    const embedded = await client.embed({ input: ['hello'], model: 'sim-embed-1' });
    expect(embedded.vectors[0]?.length).toBeGreaterThan(0);
    expect(embedded.usage.promptTokens).toBeGreaterThan(0);
  });

  it('reports a malformed body as a malformed LMError', async () => {
    sim.setOptions({ rateMalformed: 1, malformedMode: 'body' });
    const client = createOpenAIClient({ baseURL: sim.url, apiKey: 'sk-sim', model: MODEL });
    await expect(client.complete(ask('garbled'))).rejects.toMatchObject({ name: 'LMError', kind: 'malformed' });
  });

  it('keeps a rejected API key out of the error over real HTTP', async () => {
    const guarded = await startSimServer({ port: 0, requireKey: 'sk-right-key-000000' });
    try {
      const key = 'sk-wrong-RECOGNIZABLE-1234567890';
      const client = createOpenAIClient({ baseURL: guarded.url, apiKey: key, model: MODEL });
      const error = await client.complete(ask('hi')).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'LMError', retryable: false });
      expect((error as { status?: number }).status).toBe(401);
      expect((error as Error).message).not.toContain('RECOGNIZABLE');
      expect(JSON.stringify(error)).not.toContain('RECOGNIZABLE');
      expect(String(error)).not.toContain('RECOGNIZABLE');
    } finally {
      await guarded.close();
    }
  });
});
