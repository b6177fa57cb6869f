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
