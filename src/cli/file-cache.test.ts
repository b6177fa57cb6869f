import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withCache } from '../core/lm/cache';
import type { CacheEntry } from '../core/lm/cache-store';
import { FakeLM } from '../core/lm/fake-lm';
import { FileCacheStore } from './file-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prompt-studio-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (text: string): CacheEntry => ({
  texts: [text],
  model: 'sim-1',
  usage: { promptTokens: 50, completionTokens: 5, totalTokens: 55 },
  finishReason: 'stop',
  createdAt: 1_700_000_000_000,
});

/** Every cache file's stored key, sorted. */
async function storedKeys(cacheDir: string): Promise<string[]> {
  const keys: string[] = [];
  for (const shard of await readdir(cacheDir)) {
    for (const name of await readdir(join(cacheDir, shard))) {
      keys.push((JSON.parse(await readFile(join(cacheDir, shard, name), 'utf8')) as { key: string }).key);
    }
  }
  return keys.sort();
}

async function allFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('FileCacheStore', () => {
  it('returns on a hit exactly the entry that was stored', async () => {
    const store = new FileCacheStore({ dir: join(dir, 'cache') });
    expect(await store.get('missing')).toBeUndefined();
    await store.set('key-1', entry('42'));
    expect(await store.get('key-1')).toStrictEqual(entry('42'));
    expect(await store.size()).toBe(1);
  });

  it('survives the process: a new store over the same folder hits', async () => {
    const cacheDir = join(dir, 'cache');
    await new FileCacheStore({ dir: cacheDir }).set('k', entry('persisted'));
    expect(await new FileCacheStore({ dir: cacheDir }).get('k')).toStrictEqual(entry('persisted'));
  });

  it('overwrites atomically and leaves no temp files behind', async () => {
    const cacheDir = join(dir, 'cache');
    const store = new FileCacheStore({ dir: cacheDir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('same', entry(`v${i}`))));
    const got = await store.get('same');
    expect(got?.texts[0]).toMatch(/^v\d+$/);
    const files = await allFiles(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('uses safe file names whatever the key holds', async () => {
    const cacheDir = join(dir, 'cache');
    const store = new FileCacheStore({ dir: cacheDir });
    await store.set('../../etc/passwd', entry('x'));
    await store.set('a/b\\c:d', entry('y'));
    expect(await storedKeys(cacheDir)).toEqual(['../../etc/passwd', 'a/b\\c:d']);
    expect(await readdir(dir)).toEqual(['cache']);
  });

  it('treats a damaged file as a miss and replaces it on the next set', async () => {
    const cacheDir = join(dir, 'cache');
    const store = new FileCacheStore({ dir: cacheDir });
    await store.set('k', entry('good'));
    const [shard] = await readdir(cacheDir);
    const [name] = await readdir(join(cacheDir, shard!));
    await writeFile(join(cacheDir, shard!, name!), '{"key": "k", "entry": ', 'utf8');
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', entry('fresh'));
    expect(await store.get('k')).toStrictEqual(entry('fresh'));
  });

  it('evicts the least recently used entries; a read counts as a use', async () => {
    const cacheDir = join(dir, 'cache');
    const store = new FileCacheStore({ dir: cacheDir, maxEntries: 3, evictionBatch: 0 });
    await store.set('a', entry('1'));
    await store.set('b', entry('2'));
    await store.set('c', entry('3'));
    await store.get('a');
    await store.set('d', entry('4'));
    expect(await storedKeys(cacheDir)).toEqual(['a', 'c', 'd']);
    await store.set('c', entry('3 again'));
    await store.set('e', entry('5'));
    expect(await storedKeys(cacheDir)).toEqual(['c', 'd', 'e']);
  });

  it('evicts in batches down to maxEntries - evictionBatch', async () => {
    const cacheDir = join(dir, 'cache');
    const store = new FileCacheStore({ dir: cacheDir, maxEntries: 6, evictionBatch: 2 });
    for (let i = 0; i < 7; i++) await store.set(`k${i}`, entry(String(i)));
    expect(await storedKeys(cacheDir)).toEqual(['k3', 'k4', 'k5', 'k6']);
    expect(await store.size()).toBe(4);
  });

  it('deletes and clears', async () => {
    const store = new FileCacheStore({ dir: join(dir, 'cache') });
    await store.set('a', entry('1'));
    await store.set('b', entry('2'));
    await store.delete('a');
    await store.delete('never-there');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.size()).toBe(1);
    await store.clear();
    expect(await store.size()).toBe(0);
    expect(await store.get('b')).toBeUndefined();
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => new FileCacheStore({ dir, maxEntries: 0 })).toThrow(/maxEntries must be a positive integer/);
    expect(() => new FileCacheStore({ dir, maxEntries: 4, evictionBatch: 4 })).toThrow(/evictionBatch/);
  });

  it('serves a repeated LM call from disk through withCache', async () => {
    const cacheDir = join(dir, 'cache');
    const lm = new FakeLM();
    const request = { messages: [{ role: 'user' as const, content: 'a = 2, b = 3' }] };
    const first = await withCache(lm, new FileCacheStore({ dir: cacheDir })).complete(request);
    const second = await withCache(lm, new FileCacheStore({ dir: cacheDir })).complete(request);
    expect(lm.calls).toBe(1);
    expect(second).toMatchObject({ texts: first.texts, usage: first.usage, cached: true });
    // The cache key is a hash of the request; no request text lands in a file name.
    expect((await allFiles(cacheDir)).every((n) => /^[0-9a-f]{64}\.json$/.test(n))).toBe(true);
  });
});
