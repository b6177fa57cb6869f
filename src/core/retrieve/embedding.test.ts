import { describe, expect, it } from 'vitest';
import { createSimFetch } from '../../sim';
import { MemoryCacheStore } from '../lm/cache-store';
import { LMError } from '../lm/errors';
import { createOpenAIClient } from '../lm/openai-client';
import type { Embedder } from '../lm/types';
import { createEmbeddingRetriever, embeddingCacheKey } from './embedding';
import { decodeVector, encodeVector } from './embedding-cache';

const passages = [
  { id: 'paris', text: 'Paris is the capital of France and sits on the Seine.' },
  { id: 'berlin', text: 'Berlin is the capital of Germany, on the Spree.' },
  { id: 'banana', text: 'Bananas are rich in potassium and grow in bunches.' },
  { id: 'seine', text: 'The Seine is a river that flows through Paris to the sea.' },
  { id: 'tokyo', text: 'Tokyo is the capital of Japan.' },
];

/** The sim's embeddings endpoint through the OpenAI client, counting requests and inputs sent. */
function simEmbedder(apiKey = 'sk-test-secret') {
  const sent = { requests: 0, inputs: 0, models: [] as string[] };
  const simFetch = createSimFetch({ latencyMs: 0 });
  const counting: typeof fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/embeddings')) {
      const body = JSON.parse(String(init?.body)) as { input: string[]; model: string };
      sent.requests++;
      sent.inputs += body.input.length;
      sent.models.push(body.model);
    }
    return simFetch(input, init);
  };
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', apiKey, fetch: counting });
  return { embedder: client as Embedder, sent };
}

describe('embedding retriever', () => {
  it('ranks passages by cosine similarity to the query, through the sim', async () => {
    const { embedder, sent } = simEmbedder();
    const retriever = createEmbeddingRetriever(passages, { embedder, model: 'emb-test', batchSize: 2 });
    const hits = await retriever.search('which river flows through Paris', 2);
    expect(hits.map((h) => h.id)).toContain('seine');
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score!);
    expect((await retriever.search('capital of Japan Tokyo', 1))[0]).toMatchObject({ id: 'tokyo', text: 'Tokyo is the capital of Japan.' });
    // 5 passages in batches of 2 → 3 requests, then one request per query; every one names the model.
    expect(sent.requests).toBe(5);
    expect(sent.inputs).toBe(7);
    expect(new Set(sent.models)).toEqual(new Set(['emb-test']));
  });

  it('builds from the cache a second time: zero embedding requests, same results', async () => {
    const cache = new MemoryCacheStore();
    const first = simEmbedder();
    const a = await createEmbeddingRetriever(passages, { embedder: first.embedder, model: 'emb-test', cache }).search('capital of Germany', 3);
    expect(first.sent.requests).toBeGreaterThan(0);
    const second = simEmbedder('sk-another-key');
    const b = await createEmbeddingRetriever(passages, { embedder: second.embedder, model: 'emb-test', cache }).search('capital of Germany', 3);
    expect(b).toEqual(a);
    expect(second.sent.requests).toBe(0);
    // Keys depend on model and text only, and no entry holds the API key.
    expect(await cache.get(await embeddingCacheKey('emb-test', passages[0]!.text))).toBeDefined();
    expect(await cache.get(await embeddingCacheKey('other-model', passages[0]!.text))).toBeUndefined();
    const entry = await cache.get(await embeddingCacheKey('emb-test', 'capital of Germany'));
    expect(JSON.stringify(entry)).not.toContain('sk-');
    expect(entry?.texts[0]).toMatch(/^f32:/);
    // An entry that is not a vector is a miss: that text is embedded again.
    await cache.set(await embeddingCacheKey('emb-test', passages[1]!.text), { ...entry!, texts: ['[1, 2'] });
    const repair = simEmbedder();
    expect(await createEmbeddingRetriever(passages, { embedder: repair.embedder, model: 'emb-test', cache }).search('capital of Germany', 3)).toEqual(a);
    expect(repair.sent.inputs).toBe(1);
    // Another model is another set of vectors: it embeds afresh.
    const third = simEmbedder();
    await createEmbeddingRetriever(passages, { embedder: third.embedder, model: 'emb-other', cache }).build();
    expect(third.sent.inputs).toBe(passages.length);
  });

  it('stores vectors as float32 and reads back exactly what it stored', () => {
    const vector = [0.25, -1.5, Math.fround(0.1), Math.fround(3e-8)];
    expect(decodeVector(encodeVector(vector))).toEqual(vector);
    expect(encodeVector(new Array<number>(1536).fill(0.123)).length).toBeLessThan(8300);
    for (const bad of [undefined, '', 'f32:', 'f32:!!', 'f32:AAA=', '[0.1]']) expect(decodeVector(bad)).toBeUndefined();
  });

  it('orders equal scores by passage id and embeds a repeated text once', async () => {
    const { embedder, sent } = simEmbedder();
    const twins = [
      { id: 'b', text: 'the same words here' },
      { id: 'a', text: 'the same words here' },
      { id: 'c', text: 'something else entirely' },
    ];
    const retriever = createEmbeddingRetriever(twins, { embedder, model: 'emb-test' });
    const hits = await retriever.search('the same words here', 3);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(hits[0]!.score).toBe(hits[1]!.score);
    // Two distinct passage texts, then the query (no cache here, so it is sent too).
    expect(sent.inputs).toBe(3);
  });

  it('shares one build between concurrent searches and honours abort', async () => {
    const { embedder, sent } = simEmbedder();
    const retriever = createEmbeddingRetriever(passages, { embedder, model: 'emb-test', batchSize: 1 });
    await Promise.all([retriever.search('Paris', 1), retriever.search('Berlin', 1)]);
    expect(sent.inputs).toBe(passages.length + 2);

    const slow: Embedder = { embed: (request) => new Promise((_, reject) => request.signal?.addEventListener('abort', () => reject(request.signal?.reason))) };
    const stuck = createEmbeddingRetriever(passages, { embedder: slow, model: 'emb-test' });
    const controller = new AbortController();
    const pending = stuck.search('Paris', 1, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(retriever.search('Paris', 1, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('tries a batch again after a rate limit, and gives up at once on a request the provider refuses', async () => {
    const { embedder, sent } = simEmbedder();
    let limited = 1;
    const flaky: Embedder = {
      embed: async (request) => {
        if (limited-- > 0) throw new LMError('embedding failed: HTTP 429', { kind: 'http', status: 429, retryAfterMs: 1 });
        return embedder.embed(request);
      },
    };
    expect((await createEmbeddingRetriever(passages, { embedder: flaky, model: 'emb-test' }).search('Tokyo Japan', 1))[0]?.id).toBe('tokyo');
    expect(sent.requests).toBe(2);
    let calls = 0;
    const refusing: Embedder = { embed: async () => (calls++, Promise.reject(new LMError('embedding failed: HTTP 400 unknown model', { kind: 'http', status: 400 }))) };
    await expect(createEmbeddingRetriever(passages, { embedder: refusing, model: 'nope' }).search('q', 1)).rejects.toThrow('HTTP 400 unknown model');
    expect(calls).toBe(1);
  });

  it('rejects bad passages, a bad k and a short reply with clear messages', async () => {
    const { embedder } = simEmbedder();
    expect(() => createEmbeddingRetriever([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }], { embedder, model: 'm' })).toThrow("two passages share the id 'x'");
    await expect(createEmbeddingRetriever(passages, { embedder, model: 'm' }).search('q', 0)).rejects.toThrow('k must be a whole number ≥ 1');
    const short: Embedder = { embed: async () => ({ vectors: [[1, 0]], model: 'm', usage: { promptTokens: 1, completionTokens: 0, totalTokens: 1 } }) };
    await expect(createEmbeddingRetriever(passages, { embedder: short, model: 'm' }).search('q', 1)).rejects.toThrow('returned 1 vectors for 5 inputs');
    expect(await createEmbeddingRetriever([], { embedder, model: 'm' }).search('q', 3)).toEqual([]);
  });
});
