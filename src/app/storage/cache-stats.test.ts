import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbCacheStore } from '../../db/lm-cache';
import type { StudioDb } from '../../db/schema';
import { freshDb } from '../../db/test-support';
import { clearLmCache, lmCacheStats } from './cache-stats';
import { approximateRowBytes } from './storage-text';

let db: StudioDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const entry = (text: string) => ({ texts: [text], model: 'sim-1', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, createdAt: 1 });

describe('LM cache stats', () => {
  it('counts entries and adds up their size, then clearing empties the cache and nothing else', async () => {
    const store = createIndexedDbCacheStore({ db: () => db });
    expect(await lmCacheStats(() => db)).toEqual({ entries: 0, bytes: 0 });
    await store.set('k1', entry('hello'));
    await store.set('k2', entry('x'.repeat(1000)));
    await db.settings.put({ key: 'keep-me', value: true });
    const stats = await lmCacheStats(() => db);
    expect(stats.entries).toBe(2);
    expect(stats.bytes).toBe(approximateRowBytes('k1', entry('hello')) + approximateRowBytes('k2', entry('x'.repeat(1000))));
    expect(await clearLmCache(() => db)).toBe(2);
    expect(await lmCacheStats(() => db)).toEqual({ entries: 0, bytes: 0 });
    expect(await db.settings.get('keep-me')).toEqual({ key: 'keep-me', value: true });
  });
});
