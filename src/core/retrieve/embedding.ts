import { raceAbort } from '../lm/abort';
import type { CorpusPassage } from './bm25';
import { embedTexts, type EmbedOptions } from './embedding-cache';
import { byScoreThenId, checkPassages } from './passages';
import type { Passage, Retriever } from './types';

export { embeddingCacheKey, embedTexts, EMBED_BATCH, type EmbedOptions } from './embedding-cache';

/** The model an embedding search uses when neither the Retrieve node nor the host names one. */
export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

export type EmbeddingRetrieverOptions = Omit<EmbedOptions, 'signal'>;

export interface EmbeddingRetriever extends Retriever {
  readonly size: number;
  /**
   * Embeds the passages (from the cache where it can). `search` calls it first; calling it
   * ahead warms the index. Concurrent callers share one build, which is cancelled only when
   * every caller waiting for it has aborted; a failed or cancelled build is tried afresh next time.
   */
  build(signal?: AbortSignal): Promise<void>;
}

interface Index {
  /** Unit-length passage vectors, in passage order. */
  vectors: Float64Array[];
  dimensions: number;
}

function unit(vector: readonly number[]): Float64Array {
  const out = Float64Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Cosine-similarity search over a corpus through the provider's embeddings endpoint. Passage
 * vectors are embedded on first use (in batches, through `cache` when given, so a second build
 * of the same corpus with the same model sends nothing); each query is embedded the same way.
 * Equal scores are ordered by passage id, so a query always gives the same passages.
 */
export function createEmbeddingRetriever(passages: readonly CorpusPassage[], options: EmbeddingRetrieverOptions): EmbeddingRetriever {
  checkPassages(passages);
  const list = passages.map((p) => ({ id: p.id, text: p.text }));
  let index: Index | undefined;
  let flight: { promise: Promise<Index>; controller: AbortController; waiters: number } | undefined;

  async function embedAll(signal: AbortSignal): Promise<Index> {
    const raw = await embedTexts(list.map((p) => p.text), { ...options, signal });
    const vectors = raw.map(unit);
    const dimensions = vectors[0]?.length ?? 0;
    const odd = vectors.findIndex((v) => v.length !== dimensions);
    if (odd >= 0) throw new Error(`the embeddings of passage '${list[odd]?.id}' have ${vectors[odd]?.length} dimensions, the others ${dimensions}`);
    return { vectors, dimensions };
  }

  async function ready(signal?: AbortSignal): Promise<Index> {
    if (index) return index;
    signal?.throwIfAborted();
    if (!flight) {
      const controller = new AbortController();
      const started = { promise: embedAll(controller.signal), controller, waiters: 0 };
      flight = started;
      started.promise.then(
        (built) => {
          index = built;
          if (flight === started) flight = undefined;
        },
        () => {
          if (flight === started) flight = undefined;
        },
      );
    }
    const current = flight;
    current.waiters++;
    try {
      return await raceAbort(current.promise, signal);
    } finally {
      current.waiters--;
      // The last caller to give up cancels the build; its cached batches stay for the next one.
      if (current.waiters === 0 && signal?.aborted && flight === current) {
        flight = undefined;
        current.controller.abort(signal.reason);
      }
    }
  }

  return {
    size: list.length,
    async build(signal) {
      await ready(signal);
    },
    async search(query, k, signal): Promise<Passage[]> {
      if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1 (got ${k})`);
      const built = await ready(signal);
      if (list.length === 0) return [];
      const [raw] = await embedTexts([query], { ...options, ...(signal ? { signal } : {}) });
      const q = unit(raw as number[]);
      if (q.length !== built.dimensions) throw new Error(`the query's embedding has ${q.length} dimensions but the passages' have ${built.dimensions}`);
      const scored = list.map((p, i) => ({ id: p.id, text: p.text, score: dot(built.vectors[i] as Float64Array, q) }));
      scored.sort(byScoreThenId);
      return scored.slice(0, k);
    },
  };
}
