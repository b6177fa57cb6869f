import { describe, expect, it } from 'vitest';
import { MemoryCacheStore, type CacheEntry } from './cache-store';

const entry = (text: string): CacheEntry => ({
  texts: [text],
  model: 'm',
  usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
  createdAt: 0,
});

describe('MemoryCacheStore', () => {
  it('evicts the least recently used entry past maxEntries', async () => {
    const store = new MemoryCacheStore(2);
    await store.set('a', entry('A'));
    await store.set('b', entry('B'));
    await store.get('a'); // a is now fresher than b
    await store.set('c', entry('C'));
    expect(await store.size()).toBe(2);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.texts).toEqual(['A']);
    expect((await store.get('c'))?.texts).toEqual(['C']);
  });

  it('treats overwriting as a use', async () => {
    const store = new MemoryCacheStore(2);
    await store.set('a', entry('A'));
    await store.set('b', entry('B'));
    await store.set('a', entry('A2'));
    await store.set('c', entry('C'));
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.texts).toEqual(['A2']);
  });

  it('hands out copies, so callers cannot corrupt what is stored', async () => {
    const store = new MemoryCacheStore();
    const original = entry('A');
    await store.set('a', original);
    original.texts[0] = 'mutated before read';
    const read = await store.get('a');
    read?.texts.push('mutated after read');
    expect((await store.get('a'))?.texts).toEqual(['A']);
  });

  it('deletes and clears', async () => {
    const store = new MemoryCacheStore();
    await store.set('a', entry('A'));
    await store.set('b', entry('B'));
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.size()).toBe(1);
    await store.clear();
    expect(await store.size()).toBe(0);
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => new MemoryCacheStore(0)).toThrow(/maxEntries must be a positive integer, got 0/);
  });
});
