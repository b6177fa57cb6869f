import { describe, expect, it, vi } from 'vitest';
import { createSimFetch } from '../../sim';
import { BudgetExceededError, createBudgetGuard } from '../optimize/budget';
import { MemoryCacheStore } from '../lm/cache-store';
import { LMError } from '../lm/errors';
import { createOpenAIClient } from '../lm/openai-client';
import { createPauseGate } from '../lm/scheduler-flow';
import type { Embedder, EmbeddingsRequest } from '../lm/types';
import { UsageMeter } from '../lm/usage';
import { withEmbeddingGate, withEmbeddingUsage } from './embedder-stack';
import { embedTexts, tokenShares } from './embedding-cache';

const texts = ['Paris is the capital of France.', 'Berlin is the capital of Germany.', 'Bananas grow in bunches.'];
const PRICES = { 'emb-test': { input: 0.02, output: 0 }, 'sim-1': { input: 1, output: 2 } };

/** The sim's embeddings endpoint through the OpenAI client, counting the requests that reach it. */
function simEmbedder() {
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  const sent: EmbeddingsRequest[] = [];
  const embedder: Embedder = {
    embed(request) {
      sent.push(request);
      return client.embed(request);
    },
  };
  return { embedder, sent };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('withEmbeddingUsage', () => {
  it("meters the provider's tokens as spent, then the cached vectors' tokens as saved, apart from LM calls", async () => {
    const { embedder } = simEmbedder();
    const meter = new UsageMeter(PRICES);
    const cache = new MemoryCacheStore();
    const metered = withEmbeddingUsage(embedder, meter);
    await embedTexts(texts, { embedder: metered, model: 'emb-test', cache, batchSize: 2 });
    const first = meter.totals('embedding');
    expect(first).toMatchObject({ calls: 2, cachedCalls: 0 });
    expect(first.spent.promptTokens).toBeGreaterThan(0);
    expect(first.spent.totalTokens).toBe(first.spent.promptTokens);
    expect(first.spent.cost).toBeCloseTo((first.spent.promptTokens * 0.02) / 1e6, 12);
    meter.record('sim-1', { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, false);
    expect(meter.totals('lm').spent.totalTokens).toBe(15);
    expect(meter.totals().spent.totalTokens).toBe(first.spent.totalTokens + 15);

    // From the cache: nothing spent, and every text's share of its request's tokens saved.
    await embedTexts(texts, { embedder: metered, model: 'emb-test', cache, batchSize: 2 });
    const second = meter.totals('embedding');
    expect(second.spent).toEqual(first.spent);
    expect(second.cachedCalls).toBe(1);
    expect(second.saved.totalTokens).toBe(first.spent.totalTokens);
  });

  it('shares a request’s tokens among its texts by length, summing to the total', () => {
    expect(tokenShares(10, ['aaaa', 'a'])).toEqual([8, 2]);
    expect(tokenShares(7, ['ab', 'ab', 'ab'])).toEqual([3, 2, 2]);
    expect(tokenShares(0, ['x', ''])).toEqual([0, 0]);
    const shares = tokenShares(101, texts);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(101);
  });
});

describe('budget before each embeddings request', () => {
  it('refuses the request past the call budget, once telling the run, and never reaches the provider', async () => {
    const { embedder, sent } = simEmbedder();
    const meter = new UsageMeter(PRICES);
    const stops: string[] = [];
    const guard = createBudgetGuard({ maxCalls: 2 }, meter, (reason) => stops.push(reason));
    const run = withEmbeddingUsage(guard.wrapEmbedder(embedder), meter);
    await expect(embedTexts(texts, { embedder: run, model: 'emb-test', batchSize: 1 })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(sent).toHaveLength(2);
    expect(stops).toEqual(['the call budget (2 calls) is spent']);
    // The two requests already sent are metered when their replies land.
    await vi.waitFor(() => expect(meter.totals('embedding').calls).toBe(2));
  });

  it('stops at the token budget once embeddings have spent it, counting an LM call and an embedding alike', async () => {
    const { embedder, sent } = simEmbedder();
    const meter = new UsageMeter(PRICES);
    const guard = createBudgetGuard({ maxTokens: 1 }, meter, () => undefined);
    const run = withEmbeddingUsage(guard.wrapEmbedder(embedder), meter);
    await run.embed({ input: [texts[0] as string], model: 'emb-test' });
    await expect(run.embed({ input: [texts[1] as string], model: 'emb-test' })).rejects.toThrow('the token budget (1 tokens) is spent');
    expect(sent).toHaveLength(1);
    expect(guard.callsStarted).toBe(1);
  });
});

describe('withEmbeddingGate', () => {
  it('holds requests while offline and sends them when the host is back', async () => {
    const { embedder, sent } = simEmbedder();
    const gate = createPauseGate(true);
    const pending = embedTexts(texts, { embedder: withEmbeddingGate(embedder, gate), model: 'emb-test' });
    await tick();
    expect(sent).toHaveLength(0);
    gate.resume();
    expect(await pending).toHaveLength(3);
    expect(sent).toHaveLength(1);
  });

  it('sends again a request the network lost while going offline, without counting it as a failure', async () => {
    const { embedder, sent } = simEmbedder();
    const gate = createPauseGate();
    let drops = 1;
    const dropping: Embedder = {
      embed(request) {
        if (drops-- > 0) {
          gate.pause(); // the connection dies as the browser goes offline
          return Promise.reject(new LMError('embedding failed: fetch failed', { kind: 'network' }));
        }
        return embedder.embed(request);
      },
    };
    // No retries in embedTexts: only the gate can bring the request back.
    const pending = embedTexts(texts, { embedder: withEmbeddingGate(dropping, gate), model: 'emb-test', retries: 0 });
    await tick();
    expect(sent).toHaveLength(0);
    gate.resume();
    expect(await pending).toHaveLength(3);
    expect(sent).toHaveLength(1);
  });

  it('lets a cancel through while waiting, and passes other failures on when online', async () => {
    const { embedder } = simEmbedder();
    const gate = createPauseGate(true);
    const controller = new AbortController();
    const pending = withEmbeddingGate(embedder, gate).embed({ input: ['x'], signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const refusing: Embedder = { embed: () => Promise.reject(new LMError('embedding failed: fetch failed', { kind: 'network' })) };
    await expect(withEmbeddingGate(refusing, createPauseGate()).embed({ input: ['x'] })).rejects.toThrow('fetch failed');
    expect(withEmbeddingGate(embedder, undefined)).toBe(embedder);
  });
});
