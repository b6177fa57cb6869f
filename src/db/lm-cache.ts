import type { CacheEntry, CacheStore } from '../core/lm/cache-store';
import { guardWrite, isQuotaError } from './errors';
import { studioDb, type StudioDb } from './schema';

export interface IndexedDbCacheOptions {
  /** Most entries kept (default 20,000); past it the least recently used go. */
  maxEntries?: number;
  /**
   * How far below `maxEntries` one eviction goes (default 5% of it): evicting in batches means
   * a full cache does one bulk delete every so often, not one per write.
   */
  evictionBatch?: number;
  /** The database (tests pass their own). */
  db?: () => StudioDb;
  now?: () => number;
}

export const DEFAULT_CACHE_ENTRIES = 20_000;

/** The LM cache on the lmCache table: an LRU shared by the page and the worker. */
export function createIndexedDbCacheStore(options: IndexedDbCacheOptions = {}): CacheStore {
  const maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`createIndexedDbCacheStore: maxEntries must be a positive integer, got ${maxEntries}`);
  }
  const evictionBatch = options.evictionBatch ?? Math.ceil(maxEntries / 20);
  if (!Number.isInteger(evictionBatch) || evictionBatch < 0 || evictionBatch >= maxEntries) {
    throw new RangeError(`createIndexedDbCacheStore: evictionBatch must be an integer in [0, maxEntries), got ${evictionBatch}`);
  }
  const getDb = options.db ?? studioDb;
  const now = options.now ?? Date.now;

  // Clock-based so stamps stay ordered across reloads, bumped so that uses within one
  // millisecond still order correctly.
  let lastStamp = 0;
  const stamp = () => (lastStamp = Math.max(now(), lastStamp + 1));

  /** Deletes the `count` least recently used entries, never `keep`. */
  async function evictOldest(db: StudioDb, count: number, keep: string): Promise<void> {
    if (count <= 0) return;
    const stale = await db.lmCache.orderBy('lastUsed').limit(count + 1).primaryKeys();
    await db.lmCache.bulkDelete(stale.filter((k) => k !== keep).slice(0, count));
  }

  async function write(key: string, entry: CacheEntry): Promise<void> {
    const db = getDb();
    await db.transaction('rw', db.lmCache, async () => {
      await db.lmCache.put({ key, entry, lastUsed: stamp() });
      const count = await db.lmCache.count();
      if (count > maxEntries) await evictOldest(db, count - (maxEntries - evictionBatch), key);
    });
  }

  return {
    async get(key) {
      const db = getDb();
      try {
        return await db.transaction('rw', db.lmCache, async () => {
          const row = await db.lmCache.get(key);
          if (!row) return undefined;
          await db.lmCache.update(key, { lastUsed: stamp() });
          return row.entry;
        });
      } catch (error) {
        // A full disk can refuse even the use stamp; the hit is still good, only its age is stale.
        if (!isQuotaError(error)) throw error;
        return (await db.lmCache.get(key))?.entry;
      }
    },

    async set(key, entry) {
      await guardWrite('store an LM response in the cache', async () => {
        try {
          await write(key, entry);
        } catch (error) {
          if (!isQuotaError(error)) throw error;
          // The cache is the one store that may free space on its own: drop a batch, retry once.
          const db = getDb();
          await db.transaction('rw', db.lmCache, async () => evictOldest(db, Math.max(evictionBatch, Math.ceil((await db.lmCache.count()) / 10)), key));
          await write(key, entry);
        }
      });
    },

    async delete(key) {
      await getDb().lmCache.delete(key);
    },

    async clear() {
      await getDb().lmCache.clear();
    },

    async size() {
      return getDb().lmCache.count();
    },
  };
}
