import { describe, expect, it } from 'vitest';
import { createBm25Retriever, loadBm25Retriever } from './bm25';

const corpus = [
  { id: 'p1', text: 'Paris is the capital of France.' },
  { id: 'p2', text: 'Berlin is the capital of Germany.' },
  { id: 'p3', text: 'The Eiffel Tower stands in Paris, France.' },
  { id: 'p4', text: 'Bananas are yellow.' },
];

describe('BM25 retriever', () => {
  it('ranks the passages that share the rarest words first and returns k of them', async () => {
    const retriever = createBm25Retriever(corpus);
    const hits = await retriever.search('Eiffel Tower', 2);
    expect(hits[0]?.id).toBe('p3');
    expect(hits.length).toBeLessThanOrEqual(2);
    const france = await retriever.search('capital of France', 3);
    expect(france.map((h) => h.id)[0]).toBe('p1');
    expect(france).toHaveLength(3);
    expect(france[0]?.score).toBeGreaterThan(france[2]?.score ?? Infinity);
  });

  it('breaks ties by id, whatever order the passages were added in', async () => {
    const twins = [
      { id: 'b', text: 'same words here' },
      { id: 'a', text: 'same words here' },
      { id: 'c', text: 'same words here' },
    ];
    const forward = await createBm25Retriever(twins).search('words', 3);
    const backward = await createBm25Retriever([...twins].reverse()).search('words', 3);
    expect(forward.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(backward.map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('stores and reloads its index with the same results', async () => {
    const retriever = createBm25Retriever(corpus);
    const reloaded = loadBm25Retriever(retriever.toJSON());
    expect(reloaded.size).toBe(4);
    expect(await reloaded.search('capital Germany', 2)).toEqual(await retriever.search('capital Germany', 2));
  });

  it('rejects bad input with a message naming it', async () => {
    expect(() => createBm25Retriever([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }])).toThrow("two passages share the id 'x'");
    expect(() => loadBm25Retriever('{"nope": 1}')).toThrow('not a stored BM25 index');
    await expect(createBm25Retriever(corpus).search('Paris', 0)).rejects.toThrow('k must be a whole number');
  });

  it('returns nothing for a query without a known word', async () => {
    expect(await createBm25Retriever(corpus).search('zeppelin', 3)).toEqual([]);
  });
});
