import MiniSearch from 'minisearch';
import { byScoreThenId, checkPassages } from './passages';
import type { Passage, Retriever } from './types';

/** One passage of a corpus as it is indexed. */
export interface CorpusPassage {
  id: string;
  text: string;
}

/** A BM25 retriever that can also hand out its index for storage. */
export interface Bm25Retriever extends Retriever {
  /** The index as JSON text (MiniSearch's own format), for `loadBm25Retriever`. */
  toJSON(): string;
  readonly size: number;
}

/**
 * The index options. They are part of the stored form: an index saved with one set must be
 * loaded with the same set, so they live here and nowhere else.
 */
const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['text'],
  searchOptions: { fuzzy: false, prefix: false, combineWith: 'OR' as const },
};

function wrap(index: MiniSearch<CorpusPassage>): Bm25Retriever {
  return {
    size: index.documentCount,
    async search(query: string, k: number, signal?: AbortSignal): Promise<Passage[]> {
      signal?.throwIfAborted();
      if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1 (got ${k})`);
      const hits = index.search(query);
      hits.sort(byScoreThenId);
      return hits.slice(0, k).map((hit) => ({ id: String(hit.id), text: String(hit.text), score: hit.score }));
    },
    toJSON: () => JSON.stringify(index),
  };
}

/** Indexes `passages` for BM25 search (MiniSearch's BM25+ scoring over the passage text). */
export function createBm25Retriever(passages: readonly CorpusPassage[]): Bm25Retriever {
  checkPassages(passages);
  const index = new MiniSearch<CorpusPassage>(OPTIONS);
  index.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  return wrap(index);
}

/** Reloads an index written by `toJSON()`; a text that is not one fails with a clear message. */
export function loadBm25Retriever(json: string): Bm25Retriever {
  try {
    return wrap(MiniSearch.loadJSON<CorpusPassage>(json, OPTIONS));
  } catch (error) {
    throw new Error(`not a stored BM25 index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
