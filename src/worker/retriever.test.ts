import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../core/formats/corpus';
import { corpusDbPerTest } from '../db/corpora-test-support';
import { createCorpusRetrievers, type CorpusSource } from './retriever';

const corpus: Corpus = {
  id: 'cities',
  name: 'Cities',
  passages: [
    { id: 'paris', text: 'Paris is the capital of France and sits on the Seine.', title: 'Paris' },
    { id: 'lyon', text: 'Lyon is a French city at the meeting of the Rhone and the Saone.' },
    { id: 'berlin', text: 'Berlin is the capital of Germany.' },
    { id: 'seine', text: 'The Seine is a river that flows through Paris to the sea.' },
    { id: 'rome', text: 'Rome is the capital of Italy.' },
  ],
};

const env = corpusDbPerTest(corpus);

/** The repository, counting how often an index is stored. */
function counting(): CorpusSource & { saves: number } {
  const source = { get: env.repo.get, load: env.repo.load, index: env.repo.index, saves: 0, saveIndex: async (id: string, index: string, at: number) => {
    source.saves++;
    await env.repo.saveIndex(id, index, at);
  } };
  return source;
}

async function ids(retriever: Promise<{ search: (q: string, k: number) => Promise<{ id?: string; score?: number }[]> } | undefined>, query: string, k = 3) {
  const found = await retriever;
  if (!found) throw new Error('no retriever');
  return found.search(query, k);
}

describe('worker corpus retrievers', () => {
  it('builds and stores the index once, then a new worker reloads it with the same ranking', async () => {
    const source = counting();
    const first = createCorpusRetrievers(source);
    const [a, b] = await Promise.all([first.retriever('cities'), first.retriever('cities')]);
    expect(a).toBe(b);
    expect(source.saves).toBe(1);
    expect(await first.indexCorpus('cities')).toEqual({ corpusId: 'cities', passages: 5, source: 'memory' });
    const built = await ids(Promise.resolve(a), 'capital of France Seine', 4);
    expect(built[0]?.id).toBe('paris');

    const second = createCorpusRetrievers(source);
    expect(await second.indexCorpus('cities')).toEqual({ corpusId: 'cities', passages: 5, source: 'stored' });
    expect(source.saves).toBe(1);
    const reloaded = await ids(second.retriever('cities'), 'capital of France Seine', 4);
    expect(reloaded).toEqual(built);
    expect(await ids(second.retriever('cities'), 'river', 1)).toEqual([expect.objectContaining({ id: 'seine' })]);
  });

  it('rebuilds after the corpus is replaced and forgets a deleted corpus', async () => {
    const retrievers = createCorpusRetrievers(env.repo);
    expect((await ids(retrievers.retriever('cities'), 'Rome Italy', 1))[0]?.id).toBe('rome');
    await env.repo.create(env.projectId, { ...corpus, passages: [{ id: 'madrid', text: 'Madrid is the capital of Spain.' }] });
    expect(await retrievers.indexCorpus('cities')).toEqual({ corpusId: 'cities', passages: 1, source: 'built' });
    expect((await ids(retrievers.retriever('cities'), 'capital', 3)).map((p) => p.id)).toEqual(['madrid']);
    await env.repo.remove('cities');
    expect(await retrievers.retriever('cities')).toBeUndefined();
    await expect(retrievers.indexCorpus('cities')).rejects.toThrow('no corpus with id "cities"');
  });

  it('rebuilds an unreadable stored index instead of failing', async () => {
    const record = await env.repo.get('cities');
    await env.repo.saveIndex('cities', 'not json', record!.updatedAt);
    const retrievers = createCorpusRetrievers(env.repo);
    expect(await retrievers.indexCorpus('cities')).toMatchObject({ source: 'built' });
    expect((await ids(retrievers.retriever('cities'), 'Germany', 1))[0]?.id).toBe('berlin');
  });
});
