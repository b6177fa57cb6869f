import type { CacheEntry, CacheStore } from '../core/lm/cache-store';
import { EMBEDDING_KEY_PREFIX, isEmbeddingCacheKey } from '../core/retrieve/embedding-cache';
import { guardWrite, isQuotaError } from './errors';
import { studioDb, type StudioDb } from './schema';

export interface IndexedDbCacheOptions {
  /** Most LM replies kept (default 20,000); past it the least recently used go. */
  maxEntries?: number;
  /**
   * Most embedding vectors kept (default 40,000), counted apart from LM replies: a vector evicts
   * only vectors and a reply only replies, so embedding a large corpus never pushes replies out.
   */
  maxEmbeddingEntries?: number;
  /**
   * How far below its limit one eviction goes (default 5% of it): evicting in batches means
   * a full cache does one bulk delete every so often, not one per write.
   */
  evictionBatch?: number;
  /** The database (tests pass their own). */
  db?: () => StudioDb;
  now?: () => number;
}

export const DEFAULT_CACHE_ENTRIES = 20_000;
/** About 330 MB of 1536-dimension vectors (8 KB each as stored), room for two large corpora. */
export const DEFAULT_EMBEDDING_CACHE_ENTRIES = 40_000;

interface Limit {
  max: number;
  batch: number;
}

function limit(name: string, max: number, batchOption: number | undefined): Limit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`createIndexedDbCacheStore: ${name} must be a positive integer, got ${max}`);
  const batch = batchOption ?? Math.ceil(max / 20);
  if (!Number.isInteger(batch) || batch < 0 || batch >= max) {
    throw new RangeError(`createIndexedDbCacheStore: evictionBatch must be an integer in [0, ${name}), got ${batch}`);
  }
  return { max, batch };
}

/**
 * The LM cache on the lmCache table: an LRU shared by the page and the worker. Embedding
 * vectors (keys behind EMBEDDING_KEY_PREFIX) and LM replies live in the same table under
 * separate limits, each evicting only its own kind; no index beyond the key's is needed.
 */
export function createIndexedDbCacheStore(options: IndexedDbCacheOptions = {}): CacheStore {
  const replies = limit('maxEntries', options.maxEntries ?? DEFAULT_CACHE_ENTRIES, options.evictionBatch);
  const vectors = limit('maxEmbeddingEntries', options.maxEmbeddingEntries ?? DEFAULT_EMBEDDING_CACHE_ENTRIES, options.evictionBatch);
  const evictionBatch = replies.batch;
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

  /**
   * The same among entries of one kind. The keys come in use order without their values (a key
   * cursor), and this runs once per eviction batch, not per write.
   */
  async function evictOldestOfKind(db: StudioDb, embedding: boolean, count: number, keep: string): Promise<void> {
    if (count <= 0) return;
    const ordered = await db.lmCache.orderBy('lastUsed').primaryKeys();
    const stale = ordered.filter((k) => k !== keep && isEmbeddingCacheKey(k) === embedding).slice(0, count);
    await db.lmCache.bulkDelete(stale);
  }

  async function write(key: string, entry: CacheEntry): Promise<void> {
    const db = getDb();
    const embedding = isEmbeddingCacheKey(key);
    const { max, batch } = embedding ? vectors : replies;
    await db.transaction('rw', db.lmCache, async () => {
      await db.lmCache.put({ key, entry, lastUsed: stamp() });
      const embeddingCount = await db.lmCache.where('key').startsWith(EMBEDDING_KEY_PREFIX).count();
      const count = embedding ? embeddingCount : (await db.lmCache.count()) - embeddingCount;
      if (count > max) await evictOldestOfKind(db, embedding, count - (max - batch), key);
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
