import { describe, expect, it, vi } from 'vitest';
import { cacheKey, MemoryCacheStore, type CacheEntry } from './cache';
import { FakeLM, deferred, echo, waitFor } from './fake-lm';
import { createLM } from './stack';
import { UsageMeter } from './usage';
import type { LMRequest } from './types';

const ask = (content: string): LMRequest => ({ messages: [{ role: 'user', content }] });

describe('createLM', () => {
  it('serves cache hits without waiting for a slot held by a slow call', async () => {
    const gate = deferred();
    const client = new FakeLM({
      reply: async (r) => {
        if (r.messages[0]?.content === 'slow') await gate.promise;
        return echo(r);
      },
    });
    const lm = createLM({ client, cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 1 } });
    await lm.complete(ask('warm'));
    const slow = lm.complete(ask('slow'));
    await waitFor(() => client.calls === 2, 'the slow call to take the only slot');
    expect(lm.scheduler.inFlight).toBe(1);
    const hit = await lm.complete(ask('warm')); // would hang behind "slow" if the cache were below the scheduler
    expect(hit.cached).toBe(true);
    gate.resolve();
    await slow;
    expect(client.calls).toBe(2);
  });

  it('holds the slot until the reply is stored, so the next call waits for the write', async () => {
    const gate = deferred();
    const store = new MemoryCacheStore();
    const writes: string[] = [];
    const set = store.set.bind(store);
    store.set = async (key: string, entry: CacheEntry) => {
      writes.push(entry.texts[0] ?? '');
      if (writes.length === 1) await gate.promise;
      await set(key, entry);
    };
    const client = new FakeLM();
    const lm = createLM({ client, cacheStore: store, scheduler: { concurrency: 1 } });
    let firstDone = false;
    const first = lm.complete(ask('first')).then((r) => ((firstDone = true), r));
    const second = lm.complete(ask('second'));
    await waitFor(() => writes.length === 1, 'the first reply to start being stored');
    await new Promise((r) => setTimeout(r, 20));
    // The first reply is back from the client but not stored: it still holds the only slot.
    expect(client.calls).toBe(1);
    expect(firstDone).toBe(false);
    expect(lm.scheduler.inFlight).toBe(1);
    gate.resolve();
    const reply = await first;
    // Resolved only once durable: the entry is there the moment the caller sees the reply.
    expect(await store.get(await cacheKey('fake-model', ask('first')))).toMatchObject({ texts: reply.texts });
    await second;
    expect(client.calls).toBe(2);
    expect(writes).toHaveLength(2); // each reply stored once, by the layer below the scheduler
  });

  it('hashes a missed request once: the write under the scheduler reuses the lookup key', async () => {
    const store = new MemoryCacheStore();
    const client = new FakeLM();
    const lm = createLM({ client, cacheStore: store, scheduler: { concurrency: 1 } });
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      const reply = await lm.complete(ask('hash me once'));
      expect(digest).toHaveBeenCalledTimes(1);
      digest.mockClear();
      // Stored under the very key a fresh lookup computes; the key is not part of what is sent.
      const key = await cacheKey('fake-model', ask('hash me once'));
      expect(await store.get(key)).toMatchObject({ texts: reply.texts });
      expect(JSON.stringify(client.requests[0])).not.toContain(key);
      expect((await lm.complete(ask('hash me once'))).cached).toBe(true);
      expect(digest).toHaveBeenCalledTimes(2); // the test's own key and the hit's lookup
    } finally {
      digest.mockRestore();
    }
  });

  it('meters misses as spent and hits as saved', async () => {
    const meter = new UsageMeter({ 'fake-model': { input: 1, output: 1 } });
    const lm = createLM({ client: new FakeLM(), cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 2 }, meter });
    await lm.complete(ask('one two three'));
    await lm.complete(ask('one two three'));
    const totals = meter.totals();
    expect(totals).toMatchObject({ calls: 2, cachedCalls: 1 });
    expect(totals.spent.totalTokens).toBe(6);
    expect(totals.saved.totalTokens).toBe(6);
    expect(lm.meter).toBe(meter);
  });

  it('works without a cache or a meter', async () => {
    const client = new FakeLM();
    const lm = createLM({ client, scheduler: { concurrency: 1 } });
    await lm.complete(ask('x'));
    await lm.complete(ask('x'));
    expect(client.calls).toBe(2);
    expect(lm.model).toBe('fake-model');
  });
});
