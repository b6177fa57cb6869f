import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CacheEntry, CacheStore } from '../core/lm/cache-store';

export const DEFAULT_CACHE_DIR = '.prompt-studio-cache';
export const DEFAULT_FILE_CACHE_ENTRIES = 100_000;

export interface FileCacheOptions {
  /** The folder holding the cache (created on first write). */
  dir?: string;
  /** Most entries kept; past it the least recently used go (default 100,000). */
  maxEntries?: number;
  /** How far below `maxEntries` one eviction goes (default 5% of it), so a full cache rarely scans. */
  evictionBatch?: number;
  now?: () => number;
}

/** What one file holds: the key too, so a hash collision or a stray file is a miss, not a wrong reply. */
interface StoredFile {
  key: string;
  entry: CacheEntry;
}

/**
 * The CLI's LM cache: one JSON file per key, under a two-character shard folder so no folder
 * grows huge. Writes go to a temp file renamed into place, so a crash or a second CLI process
 * never leaves (or reads) half a file. A file's mtime is its last use, which drives LRU eviction.
 */
export class FileCacheStore implements CacheStore {
  readonly dir: string;
  readonly maxEntries: number;
  private readonly evictionBatch: number;
  private readonly now: () => number;
  private lastStamp = 0;
  /** Entries on disk as far as this process knows; counted on first need. */
  private count: number | undefined;

  constructor(options: FileCacheOptions = {}) {
    this.dir = options.dir ?? DEFAULT_CACHE_DIR;
    this.maxEntries = options.maxEntries ?? DEFAULT_FILE_CACHE_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) {
      throw new RangeError(`FileCacheStore: maxEntries must be a positive integer, got ${this.maxEntries}`);
    }
    this.evictionBatch = options.evictionBatch ?? Math.ceil(this.maxEntries / 20);
    if (!Number.isInteger(this.evictionBatch) || this.evictionBatch < 0 || this.evictionBatch >= this.maxEntries) {
      throw new RangeError(`FileCacheStore: evictionBatch must be an integer in [0, maxEntries), got ${this.evictionBatch}`);
    }
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const path = this.pathOf(key);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const stored = parseStored(text);
    if (stored?.key !== key) return undefined;
    await this.touch(path).catch((error: unknown) => {
      // Evicted or cleared by another process between the read and the touch: still a hit.
      if (!isMissing(error)) throw error;
    });
    return stored.entry;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const path = this.pathOf(key);
    const isNew = !(await exists(path));
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const stored: StoredFile = { key, entry };
    try {
      await writeFile(temp, JSON.stringify(stored), 'utf8');
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await this.touch(path);
    if (isNew && this.count !== undefined) this.count++;
    if ((await this.knownCount()) > this.maxEntries) await this.evict(path);
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
      if (this.count !== undefined) this.count--;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    this.count = 0;
  }

  async size(): Promise<number> {
    this.count = (await this.files()).length;
    return this.count;
  }

  private pathOf(key: string): string {
    // Hashed so any key is a safe file name; keys are already SHA-256 in practice.
    const name = createHash('sha256').update(key).digest('hex');
    return join(this.dir, name.slice(0, 2), `${name}.json`);
  }

  // Stamps are clock-based but strictly increasing, so uses within one millisecond still order.
  private async touch(path: string): Promise<void> {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    const seconds = this.lastStamp / 1000;
    await utimes(path, seconds, seconds);
  }

  private async knownCount(): Promise<number> {
    return this.count ?? (await this.size());
  }

  /** Deletes the stalest files down to `maxEntries - evictionBatch`, never `keep`. */
  private async evict(keep: string): Promise<void> {
    const files = await this.files();
    const aged = await Promise.all(files.map(async (path) => ({ path, used: await stat(path).then((s) => s.mtimeMs, () => Infinity) })));
    aged.sort((a, b) => a.used - b.used || a.path.localeCompare(b.path));
    const excess = aged.length - (this.maxEntries - this.evictionBatch);
    const doomed = aged.filter((f) => f.path !== keep).slice(0, Math.max(0, excess));
    await Promise.all(doomed.map((f) => rm(f.path, { force: true })));
    this.count = aged.length - doomed.length;
  }

  private async files(): Promise<string[]> {
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const lists = await Promise.all(
      shards.map(async (shard) => {
        const names = await readdir(join(this.dir, shard)).catch((error: unknown) => {
          if (isMissing(error) || (error as { code?: string }).code === 'ENOTDIR') return [];
          throw error;
        });
        return names.filter((n) => n.endsWith('.json')).map((n) => join(this.dir, shard, n));
      }),
    );
    return lists.flat();
  }
}

export function createFileCacheStore(options: FileCacheOptions = {}): FileCacheStore {
  return new FileCacheStore(options);
}

function parseStored(text: string): StoredFile | undefined {
  try {
    const value = JSON.parse(text) as Partial<StoredFile>;
    if (typeof value.key !== 'string' || typeof value.entry !== 'object' || value.entry === null) return undefined;
    return value as StoredFile;
  } catch {
    // A damaged file (disk trouble, a hand edit) is a miss; the next set replaces it.
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ENOENT';
}
