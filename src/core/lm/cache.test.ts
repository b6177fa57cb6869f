import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cacheKey, withCache } from './cache';
import { MemoryCacheStore, type CacheStore } from './cache-store';
import { canonicalJson } from './canonical-json';
import { FakeLM, deferred, echo, waitFor } from './fake-lm';
import { LMError } from './errors';
import type { LMRequest } from './types';

const request: LMRequest = { messages: [{ role: 'user', content: 'two plus two' }], temperature: 0 };

describe('cacheKey', () => {
  it('is the SHA-256 of the canonical JSON of the request fields that shape the reply', async () => {
    const expected = createHash('sha256')
      .update(canonicalJson({ model: 'm', messages: request.messages, temperature: 0 }))
      .digest('hex');
    expect(await cacheKey('m', request)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order, signals or the cache flag', async () => {
    const reordered = { temperature: 0, messages: [{ content: 'two plus two', role: 'user' as const }] };
    const withExtras: LMRequest = { ...request, cache: true, signal: new AbortController().signal };
    const key = await cacheKey('m', request);
    expect(await cacheKey('m', reordered)).toBe(key);
    expect(await cacheKey('m', withExtras)).toBe(key);
  });

  it('changes with every field that changes the reply', async () => {
    const base = await cacheKey('m', request);
    const variants: Array<[string, LMRequest]> = [
      ['m2', request],
      ['m', { ...request, messages: [{ role: 'user', content: 'two plus three' }] }],
      ['m', { ...request, temperature: 1 }],
      ['m', { ...request, maxTokens: 5 }],
      ['m', { ...request, n: 2 }],
      ['m', { ...request, responseFormat: { type: 'json_object' } }],
      ['m', { ...request, rolloutId: 1 }],
    ];
    const keys = await Promise.all(variants.map(([model, r]) => cacheKey(model, r)));
    expect(new Set([base, ...keys]).size).toBe(variants.length + 1);
  });

  it('ignores the API key and base URL: clients on different keys share entries', async () => {
    const store = new MemoryCacheStore();
    const first = new FakeLM({ model: 'm' });
    const second = new FakeLM({ model: 'm' });
    // Nothing about a client but its model reaches the key; the key field cannot even be passed.
    await withCache(first, store).complete(request);
    const hit = await withCache(second, store).complete(request);
    expect(hit.cached).toBe(true);
    expect(second.calls).toBe(0);
  });
});

describe('withCache', () => {
  it('replays a hit with the same texts, cached: true and the usage it saved', async () => {
    const lm = new FakeLM();
    const cached = withCache(lm, new MemoryCacheStore());
    const miss = await cached.complete(request);
    const hit = await cached.complete(request);
    expect(lm.calls).toBe(1);
    expect(miss.cached).toBe(false);
    expect(hit).toMatchObject({ texts: miss.texts, model: miss.model, usage: miss.usage, cached: true });
  });

  it('neither reads nor writes when the request says cache: false', async () => {
    const lm = new FakeLM();
    const store = new MemoryCacheStore();
    const cached = withCache(lm, store);
    await cached.complete(request);
    const bypass = await cached.complete({ ...request, cache: false });
    expect(bypass.cached).toBe(false);
    expect(lm.calls).toBe(2);
    await store.clear();
    await cached.complete({ ...request, cache: false });
    expect(await store.size()).toBe(0);
  });

  it('shares one in-flight call between identical concurrent requests', async () => {
    const gate = deferred();
    const lm = new FakeLM({ reply: async (r) => (await gate.promise, echo(r)) });
    const cached = withCache(lm, new MemoryCacheStore());
    const pending = [cached.complete(request), cached.complete(request), cached.complete(request)];
    await waitFor(() => lm.calls === 1, 'the shared call to start');
    gate.resolve();
    const responses = await Promise.all(pending);
    expect(lm.calls).toBe(1);
    // One caller paid; the others were served by its call and count as savings. Which caller
    // pays is whichever request's key hash (WebCrypto, on a thread pool) comes back first.
    expect(responses.map((r) => r.cached).sort()).toEqual([false, true, true]);
    expect(new Set(responses.map((r) => r.texts.join()))).toEqual(new Set([responses[0]?.texts.join()]));
  });

  it('keeps a shared call alive while anyone still waits, and cancels it when nobody does', async () => {
    const lm = new FakeLM({ latencyMs: 5_000 });
    const cached = withCache(lm, new MemoryCacheStore());
    const a = new AbortController();
    const b = new AbortController();
    const first = cached.complete({ ...request, signal: a.signal });
    const second = cached.complete({ ...request, signal: b.signal });
    await waitFor(() => lm.calls === 1, 'the shared call to start');
    await new Promise((r) => setTimeout(r, 20)); // let the second caller join it
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(lm.abortedSignals).toHaveLength(0);
    b.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => lm.abortedSignals.length === 1, 'the shared call to be cancelled');
    expect(lm.calls).toBe(1);
  });

  it('gives the paid call to a remaining waiter when the first one aborts', async () => {
    const gate = deferred();
    const lm = new FakeLM({ reply: async (r) => (await gate.promise, echo(r)) });
    const cached = withCache(lm, new MemoryCacheStore());
    const a = new AbortController();
    const first = cached.complete({ ...request, signal: a.signal });
    const second = cached.complete(request);
    await waitFor(() => lm.calls === 1, 'the shared call to start');
    await new Promise((r) => setTimeout(r, 20)); // let the second caller join it
    a.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve();
    expect((await second).cached).toBe(false);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const lm = new FakeLM({
      reply: (r) => {
        if (fail) throw new LMError('boom', { kind: 'http', status: 500 });
        return echo(r);
      },
    });
    const cached = withCache(lm, new MemoryCacheStore());
    await expect(cached.complete(request)).rejects.toThrow('boom');
    fail = false;
    expect((await cached.complete(request)).cached).toBe(false);
    expect(lm.calls).toBe(2);
  });

  it('degrades to no cache when the store fails, and reports it', async () => {
    const broken: CacheStore = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.reject(new Error('quota')),
      delete: () => Promise.resolve(),
      clear: () => Promise.resolve(),
      size: () => Promise.resolve(0),
    };
    const reports: string[] = [];
    const lm = new FakeLM();
    const cached = withCache(lm, broken, { onStoreError: (_e, op) => reports.push(op) });
    expect((await cached.complete(request)).cached).toBe(false);
    expect(reports).toEqual(['get', 'set']);
  });
});
