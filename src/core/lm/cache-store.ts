import type { Usage } from './types';

/** What the cache keeps per request: enough to replay the response and to price the hit. */
export interface CacheEntry {
  texts: string[];
  model: string;
  /** What the original call spent; a hit reports it as what was saved. */
  usage: Usage;
  finishReason?: string;
  /** Epoch ms when the entry was written (for stores that expire or show age). */
  createdAt: number;
}

/**
 * Where cached responses live. Async so the same interface fits memory, IndexedDB (src/db)
 * and files (the CLI).
 */
export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  size(): Promise<number>;
}

/** An in-memory LRU: reads refresh an entry, writes past `maxEntries` evict the stalest. */
export class MemoryCacheStore implements CacheStore {
  // A Map iterates in insertion order, so re-inserting on use keeps the stalest entry first.
  private readonly entries = new Map<string, CacheEntry>();

  constructor(readonly maxEntries = 10_000) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`MemoryCacheStore: maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return cloneEntry(entry);
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, cloneEntry(entry));
    while (this.entries.size > this.maxEntries) {
      const stalest = this.entries.keys().next();
      if (stalest.done) break;
      this.entries.delete(stalest.value);
    }
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }

  async size(): Promise<number> {
    return this.entries.size;
  }
}

// Copies on the way in and out so a caller mutating a response cannot corrupt the cache.
function cloneEntry(entry: CacheEntry): CacheEntry {
  return { ...entry, texts: [...entry.texts], usage: { ...entry.usage } };
}
