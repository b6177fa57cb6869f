import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withCache } from '../core/lm/cache';
import type { CacheEntry } from '../core/lm/cache-store';
import { FakeLM } from '../core/lm/fake-lm';
import { EMBEDDING_KEY_PREFIX, embeddingCacheKey } from '../core/retrieve/embedding-cache';
import { DbQuotaError } from './errors';
import { createIndexedDbCacheStore } from './lm-cache';
import type { StudioDb } from './schema';
import { failWritesWithQuota, freshDb } from './test-support';

let db: StudioDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const entry = (text: string): CacheEntry => ({
  texts: [`[[ ## sum ## ]]\n${text}\n\n[[ ## completed ## ]]`],
  model: 'gpt-4o-mini',
  usage: { promptTokens: 120, completionTokens: 9, totalTokens: 129 },
  finishReason: 'stop',
  createdAt: 1_700_000_000_000,
});

const keys = async () => (await db.lmCache.orderBy('key').primaryKeys()).sort();

describe('createIndexedDbCacheStore', () => {
  it('returns on a hit exactly the entry that was stored, as a copy', async () => {
    const store = createIndexedDbCacheStore({ db: () => db });
    const stored = entry('13701');
    await store.set('k', stored);
    const hit = await store.get('k');
    expect(hit).toStrictEqual(stored);
    hit!.texts.push('tampered');
    expect(await store.get('k')).toStrictEqual(stored);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('evicts the least recently used entries first; a read counts as a use', async () => {
    const store = createIndexedDbCacheStore({ db: () => db, maxEntries: 3, evictionBatch: 0 });
    await store.set('a', entry('1'));
    await store.set('b', entry('2'));
    await store.set('c', entry('3'));
    await store.get('a'); // b is now the stalest
    await store.set('d', entry('4'));
    expect(await keys()).toEqual(['a', 'c', 'd']);
    await store.set('c', entry('3 again')); // overwriting is a use: a is now the stalest
    await store.set('e', entry('5'));
    expect(await keys()).toEqual(['c', 'd', 'e']);
    expect(await store.size()).toBe(3);
  });

  it('evicts in batches, down to maxEntries - evictionBatch, never the entry just written', async () => {
    const store = createIndexedDbCacheStore({ db: () => db, maxEntries: 10, evictionBatch: 4 });
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, entry(String(i)));
    expect(await store.size()).toBe(10);
    await store.set('k10', entry('10'));
    // One bulk eviction of the 5 stalest; the next 4 writes then evict nothing.
    expect(await keys()).toEqual(['k10', 'k5', 'k6', 'k7', 'k8', 'k9']);
    for (let i = 11; i < 15; i++) await store.set(`k${i}`, entry(String(i)));
    expect(await store.size()).toBe(10);
  });

  it('keeps vectors under their own limit: a large corpus evicts only vectors, never LM replies', async () => {
    const store = createIndexedDbCacheStore({ db: () => db, maxEntries: 3, maxEmbeddingEntries: 4, evictionBatch: 0 });
    const vector = (text: string) => embeddingCacheKey('text-embedding-3-small', text);
    for (const k of ['a', 'b', 'c']) await store.set(k, entry(k));
    const passages = Array.from({ length: 10 }, (_, i) => `passage ${i}`);
    for (const text of passages) await store.set(await vector(text), { ...entry(text), texts: [`f32:${btoa(text)}`] });
    // All three replies stay; of the vectors only the 4 most recently used do.
    expect(await store.get('a')).toBeDefined();
    expect((await keys()).filter((k) => !k.startsWith(EMBEDDING_KEY_PREFIX))).toEqual(['a', 'b', 'c']);
    expect((await keys()).filter((k) => k.startsWith(EMBEDDING_KEY_PREFIX))).toHaveLength(4);
    expect(await store.get(await vector('passage 9'))).toBeDefined();
    expect(await store.get(await vector('passage 5'))).toBeUndefined();
    // A new reply evicts the stalest reply (b: a was read since), not a vector.
    await store.set('d', entry('d'));
    expect((await keys()).filter((k) => !k.startsWith(EMBEDDING_KEY_PREFIX))).toEqual(['a', 'c', 'd']);
    expect(await store.size()).toBe(7);
    expect(() => createIndexedDbCacheStore({ db: () => db, maxEmbeddingEntries: 0 })).toThrow(/maxEmbeddingEntries must be a positive integer/);
  });

  it('deletes and clears', async () => {
    const store = createIndexedDbCacheStore({ db: () => db });
    await store.set('a', entry('1'));
    await store.set('b', entry('2'));
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.size()).toBe(1);
    await store.clear();
    expect(await store.size()).toBe(0);
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => createIndexedDbCacheStore({ db: () => db, maxEntries: 0 })).toThrow(/maxEntries must be a positive integer/);
    expect(() => createIndexedDbCacheStore({ db: () => db, maxEntries: 5, evictionBatch: 5 })).toThrow(/evictionBatch/);
  });

  it('serves a repeated LM call from IndexedDB through withCache, even from a new store instance', async () => {
    const lm = new FakeLM();
    const request = { messages: [{ role: 'user' as const, content: 'a = 2, b = 3' }] };
    const first = await withCache(lm, createIndexedDbCacheStore({ db: () => db })).complete(request);
    // A fresh store over the same database: what a reload (or the worker) would see.
    const second = await withCache(lm, createIndexedDbCacheStore({ db: () => db })).complete(request);
    expect(lm.calls).toBe(1);
    expect(second).toMatchObject({ texts: first.texts, usage: first.usage, cached: true });
  });

  it('frees a batch of old entries and retries once when the disk is full', async () => {
    // Writes 1-5 succeed, the 6th put fails, then the retry goes through.
    const quota = failAt(db, 5);
    const store = createIndexedDbCacheStore({ db: () => db, maxEntries: 100, evictionBatch: 2 });
    for (let i = 0; i < 5; i++) await store.set(`k${i}`, entry(String(i)));
    await store.set('k5', entry('5'));
    expect(quota.failed()).toBe(1);
    expect(await keys()).toEqual(['k2', 'k3', 'k4', 'k5']);
    expect(await store.get('k5')).toStrictEqual(entry('5'));
  });

  it('reports a disk that stays full as DbQuotaError', async () => {
    failWritesWithQuota(db, 'lmCache');
    const store = createIndexedDbCacheStore({ db: () => db });
    await expect(store.set('k', entry('1'))).rejects.toThrow(DbQuotaError);
    await expect(store.set('k', entry('1'))).rejects.toThrow(/clearing the LM cache/);
  });
});

/** Fails exactly the put after `okPuts` successful ones (deletes always pass). */
function failAt(target: StudioDb, okPuts: number): { failed: () => number } {
  let puts = 0;
  let failed = 0;
  target.use({
    stack: 'dbcore',
    name: 'fail-one-put',
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return {
          ...inner,
          mutate: (req) => {
            if (name === 'lmCache' && req.type === 'put' && req.values.some((v: { entry?: unknown }) => v.entry !== undefined) && puts++ === okPuts) {
              failed++;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return inner.mutate(req);
          },
        };
      },
    }),
  });
  return { failed: () => failed };
}

describe('createIndexedDbCacheStore on a full disk', () => {
  it('still serves a hit when the use stamp cannot be written', async () => {
    const store = createIndexedDbCacheStore({ db: () => db });
    await store.set('k', entry('1'));
    db.close();
    failWritesWithQuota(db, 'lmCache');
    await db.open();
    expect(await store.get('k')).toStrictEqual(entry('1'));
  });
});
