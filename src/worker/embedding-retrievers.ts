import type { CacheStore } from '../core/lm/cache-store';
import type { Embedder } from '../core/lm/types';
import type { ProgramServices } from '../core/program/services';
import { createEmbeddingRetriever, DEFAULT_EMBEDDING_MODEL, type EmbeddingRetriever } from '../core/retrieve/embedding';
import type { Retriever } from '../core/retrieve/types';
import type { CorpusSource } from './retriever';

export interface EmbeddingRetrieversOptions {
  /** What reads the stored corpora. */
  source: Pick<CorpusSource, 'get' | 'load'>;
  /**
   * The run's provider (its task client serves embeddings); undefined when it has none. An
   * optimize run passes its own embedder here, so searches are metered and budgeted with its calls.
   */
  embedder: Embedder | undefined;
  /** The LM cache's store: passage vectors are kept there, keyed by model and text. */
  cache?: CacheStore;
  /** The model when the Retrieve node names none. */
  defaultModel?: string;
  onStoreError?: (error: unknown, operation: 'get' | 'set') => void;
}

interface Built {
  updatedAt: number;
  retriever: Promise<EmbeddingRetriever | undefined>;
}

/**
 * Embedding retrievers over stored corpora for one provider, one per corpus and model. The
 * passages are read when a corpus is first asked for; their vectors are embedded on the first
 * search and come from the cache on every later build. A corpus replaced since is read afresh.
 */
export function createEmbeddingRetrievers(options: EmbeddingRetrieversOptions) {
  const built = new Map<string, Built>();

  async function open(corpusId: string, model: string, embedder: Embedder): Promise<EmbeddingRetriever | undefined> {
    const corpus = await options.source.load(corpusId);
    if (!corpus) return undefined;
    return createEmbeddingRetriever(corpus.passages, {
      embedder,
      model,
      ...(options.cache ? { cache: options.cache } : {}),
      ...(options.onStoreError ? { onStoreError: options.onStoreError } : {}),
    });
  }

  return {
    /** The embedding retriever for a corpus; undefined when no corpus has that id. */
    async retriever(corpusId: string, embeddingModel?: string): Promise<Retriever | undefined> {
      const { embedder } = options;
      if (!embedder) throw new Error('embedding search needs an embeddings endpoint, and this provider has none');
      const record = await options.source.get(corpusId);
      const model = embeddingModel ?? options.defaultModel ?? DEFAULT_EMBEDDING_MODEL;
      const key = JSON.stringify([corpusId, model]);
      if (!record) {
        built.delete(key);
        return undefined;
      }
      let entry = built.get(key);
      if (!entry || entry.updatedAt !== record.updatedAt) {
        const fresh: Built = { updatedAt: record.updatedAt, retriever: open(corpusId, model, embedder) };
        fresh.retriever.catch(() => {
          if (built.get(key) === fresh) built.delete(key);
        });
        built.set(key, fresh);
        entry = fresh;
      }
      return entry.retriever;
    },
  };
}

export type EmbeddingRetrievers = ReturnType<typeof createEmbeddingRetrievers>;

/**
 * Retrieve's service: BM25 from `bm25`, embedding search from `embeddings`, as each node asks.
 * Without `embeddings` an embedding node fails saying why rather than quietly using BM25.
 */
export function retrieverService(
  bm25: (corpusId: string) => Retriever | undefined | Promise<Retriever | undefined>,
  embeddings: Pick<EmbeddingRetrievers, 'retriever'> | undefined,
): Required<Pick<ProgramServices, 'retriever'>> {
  return {
    retriever(corpusId, options) {
      if (options?.search !== 'embedding') return bm25(corpusId);
      if (!embeddings) throw new Error('embedding search is not available here; use search: bm25');
      return embeddings.retriever(corpusId, options.embeddingModel);
    },
  };
}
