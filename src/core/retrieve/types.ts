/** One passage a retriever returns, best first. */
export interface Passage {
  text: string;
  /** The passage's id in its corpus. */
  id?: string;
  score?: number;
}

/** Search over one corpus. BM25 by default; an embedding retriever implements the same shape. */
export interface Retriever {
  search(query: string, k: number, signal?: AbortSignal): Promise<Passage[]>;
}

/** How a Retrieve node searches: BM25 over the passages' words, or the provider's embeddings. */
export type SearchMode = 'bm25' | 'embedding';

/** What a Retrieve node tells its host along with the corpus id. */
export interface RetrieverOptions {
  search: SearchMode;
  /** The embeddings model for `search: 'embedding'`; the host's default when omitted. */
  embeddingModel?: string;
}
