import { createBm25Retriever, loadBm25Retriever, type Bm25Retriever } from '../core/retrieve/bm25';
import type { Retriever } from '../core/retrieve/types';
import type { CorporaRepository } from '../db/corpora';

/** What the retrievers read and write: the corpora repository, or a stand-in in tests. */
export type CorpusSource = Pick<CorporaRepository, 'get' | 'load' | 'index' | 'saveIndex'>;

export interface IndexReport {
  corpusId: string;
  passages: number;
  /** 'stored': reloaded from IndexedDB; 'built': indexed now (and stored); 'memory': already loaded. */
  source: 'memory' | 'stored' | 'built';
}

export interface CorpusRetrievers {
  /** The BM25 retriever for a corpus; undefined when no corpus has that id. */
  retriever(corpusId: string): Promise<Retriever | undefined>;
  /** Makes sure the corpus's index exists (built and stored if need be); throws for an unknown id. */
  indexCorpus(corpusId: string): Promise<IndexReport>;
}

interface Loaded {
  updatedAt: number;
  retriever: Promise<{ retriever: Bm25Retriever; source: IndexReport['source'] }>;
}

/**
 * BM25 retrievers for stored corpora, kept in memory per corpus: the stored index is loaded when
 * there is one for the corpus's current version, otherwise the index is built from the passages
 * and stored for next time. A corpus replaced since (a newer `updatedAt`) is loaded afresh.
 * Concurrent requests for one corpus share one load.
 */
export function createCorpusRetrievers(source: CorpusSource): CorpusRetrievers {
  const loaded = new Map<string, Loaded>();

  async function open(corpusId: string, updatedAt: number): Promise<{ retriever: Bm25Retriever; source: IndexReport['source'] }> {
    const stored = await source.index(corpusId);
    if (stored && stored.updatedAt === updatedAt) {
      try {
        return { retriever: loadBm25Retriever(stored.index), source: 'stored' };
      } catch {
        // An unreadable index (written by an older minisearch, say) is rebuilt below.
      }
    }
    const corpus = await source.load(corpusId);
    if (!corpus) throw new Error(`corpus ${JSON.stringify(corpusId)} was deleted while it was being indexed`);
    const retriever = createBm25Retriever(corpus.passages);
    await source.saveIndex(corpusId, retriever.toJSON(), updatedAt);
    return { retriever, source: 'built' };
  }

  async function current(corpusId: string): Promise<{ loaded: Loaded; fresh: boolean } | undefined> {
    const record = await source.get(corpusId);
    if (!record) {
      loaded.delete(corpusId);
      return undefined;
    }
    const known = loaded.get(corpusId);
    if (known && known.updatedAt === record.updatedAt) return { loaded: known, fresh: false };
    const entry: Loaded = { updatedAt: record.updatedAt, retriever: open(corpusId, record.updatedAt) };
    loaded.set(corpusId, entry);
    // A failed load is not remembered: the next request tries again.
    entry.retriever.catch(() => {
      if (loaded.get(corpusId) === entry) loaded.delete(corpusId);
    });
    return { loaded: entry, fresh: true };
  }

  return {
    async retriever(corpusId) {
      const found = await current(corpusId);
      return found ? (await found.loaded.retriever).retriever : undefined;
    },

    async indexCorpus(corpusId) {
      const found = await current(corpusId);
      if (!found) throw new Error(`no corpus with id ${JSON.stringify(corpusId)}`);
      const { retriever, source: from } = await found.loaded.retriever;
      return { corpusId, passages: retriever.size, source: found.fresh ? from : 'memory' };
    },
  };
}
