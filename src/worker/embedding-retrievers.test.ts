import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../core/formats/corpus';
import type { Embedder } from '../core/lm/types';
import type { ProgramGraph } from '../core/program/types';
import { createIndexedDbCacheStore } from '../db/lm-cache';
import { corpusDbPerTest } from '../db/corpora-test-support';
import { clientFor } from './clients';
import { createRunDispatcher } from './dispatcher';
import { createEmbeddingRetrievers, retrieverService } from './embedding-retrievers';
import type { EvaluateCommand, WorkerEvent } from './protocol';
import { createCorpusRetrievers } from './retriever';
import { memoryPersistence } from './resume-test-support';

const corpus: Corpus = {
  id: 'cities',
  name: 'Cities',
  passages: [
    { id: 'paris', text: 'Paris is the capital of France and sits on the Seine.' },
    { id: 'berlin', text: 'Berlin is the capital of Germany.' },
    { id: 'seine', text: 'The Seine is a river that flows through Paris to the sea.' },
    { id: 'rome', text: 'Rome is the capital of Italy, on the Tiber.' },
  ],
};

const env = corpusDbPerTest(corpus);

/** The Demo provider's embeddings (the in-page sim), counting the texts sent. */
function demoEmbedder(): Embedder & { inputs: number } {
  const client = clientFor({ kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, 'sim-1');
  const counted = {
    inputs: 0,
    embed: (request: Parameters<Embedder['embed']>[0]) => {
      counted.inputs += request.input.length;
      return client.embed(request);
    },
  };
  return counted;
}

describe('worker embedding retrievers', () => {
  it('embeds a stored corpus once: a second worker builds it from the IndexedDB cache with no requests', async () => {
    const cache = createIndexedDbCacheStore({ db: () => env.db });
    const first = demoEmbedder();
    const a = await (await createEmbeddingRetrievers({ source: env.repo, embedder: first, cache }).retriever('cities'))?.search('which river flows through Paris', 2);
    expect(a?.map((p) => p.id)).toContain('seine');
    expect(first.inputs).toBe(corpus.passages.length + 1);

    const second = demoEmbedder();
    const b = await (await createEmbeddingRetrievers({ source: env.repo, embedder: second, cache }).retriever('cities'))?.search('which river flows through Paris', 2);
    expect(b).toEqual(a);
    expect(second.inputs).toBe(0);
  });

  it('keeps one retriever per corpus and model, reads a replaced corpus afresh, and forgets a deleted one', async () => {
    const embedder = demoEmbedder();
    const retrievers = createEmbeddingRetrievers({ source: env.repo, embedder, defaultModel: 'emb-a' });
    const one = await retrievers.retriever('cities');
    expect(await retrievers.retriever('cities', 'emb-a')).toBe(one);
    expect(await retrievers.retriever('cities', 'emb-b')).not.toBe(one);
    await env.repo.create(env.projectId, { ...corpus, passages: [{ id: 'madrid', text: 'Madrid is the capital of Spain.' }] });
    expect((await (await retrievers.retriever('cities'))?.search('capital', 3))?.map((p) => p.id)).toEqual(['madrid']);
    await env.repo.remove('cities');
    expect(await retrievers.retriever('cities')).toBeUndefined();
  });

  it('says so when the provider has no embeddings, and serves each node the mode it asks for', async () => {
    await expect(createEmbeddingRetrievers({ source: env.repo, embedder: undefined }).retriever('cities')).rejects.toThrow('embedding search needs an embeddings endpoint');
    const bm25 = createCorpusRetrievers(env.repo);
    const service = retrieverService(bm25.retriever, createEmbeddingRetrievers({ source: env.repo, embedder: demoEmbedder() }));
    expect(await service.retriever('cities')).toBe(await bm25.retriever('cities'));
    expect(await service.retriever('cities', { search: 'bm25' })).toBe(await bm25.retriever('cities'));
    expect(await service.retriever('cities', { search: 'embedding' })).not.toBe(await bm25.retriever('cities'));
    expect(() => retrieverService(bm25.retriever, undefined).retriever('cities', { search: 'embedding' })).toThrow('embedding search is not available here');
  });

  it('evaluates a Retrieve graph in embedding mode on the Demo provider, as the run worker wires it', async () => {
    const graph: ProgramGraph = {
      nodes: [
        { id: 'input', type: 'Input', fields: [{ name: 'query', type: 'str' }] },
        { id: 'r', type: 'Retrieve', name: 'search', signature: { instructions: '', inputs: [{ name: 'query', type: 'str' }], outputs: [{ name: 'passages', type: 'list[str]' }] }, config: { corpusId: 'cities', k: 1, search: 'embedding' } },
        { id: 'output', type: 'Output', fields: [{ name: 'passages', type: 'list[str]' }] },
      ],
      edges: [
        { id: 'e1', source: 'input', sourceField: 'query', target: 'r', targetField: 'query' },
        { id: 'e2', source: 'r', sourceField: 'passages', target: 'output', targetField: 'passages' },
      ],
    };
    const cacheStore = createIndexedDbCacheStore({ db: () => env.db });
    const bm25 = createCorpusRetrievers(env.repo);
    const dispatcher = createRunDispatcher({
      persistence: memoryPersistence().persistence,
      cacheStore,
      services: (command) => retrieverService(bm25.retriever, createEmbeddingRetrievers({ source: env.repo, embedder: clientFor(command.provider, command.provider.taskModel), cache: cacheStore })),
    });
    const command: EvaluateCommand = {
      type: 'evaluate', runId: 'ev-emb', projectId: env.projectId, graph, metricId: 'contains', concurrency: 2, provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, split: 'dev',
      examples: [
        { id: 'q1', data: { query: 'Germany capital city', passages: 'Berlin' } },
        { id: 'q2', data: { query: 'Italy capital Tiber', passages: 'Rome' } },
      ],
    };
    const events: WorkerEvent[] = [];
    await dispatcher.dispatch(command, (e) => events.push(e));
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'evaluated', summary: { score: 1 } });
  });
});
