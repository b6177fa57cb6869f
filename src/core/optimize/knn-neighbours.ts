import type { Example } from '../data/types';
import type { Embedder } from '../lm/types';

/** Inputs per embeddings request: well under providers' per-request limits. */
export const KNN_EMBED_BATCH = 256;

/** Embeddings requests `embedExamples` sends for this many examples. */
export function embeddingRequests(examples: number): number {
  return Math.ceil(examples / KNN_EMBED_BATCH);
}

/** The text DSPy's KNN vectorizes: `key: value` for each input, joined with ` | `. */
export function inputText(example: Example, inputKeys: readonly string[]): string {
  return inputKeys.map((k) => `${k}: ${typeof example.data[k] === 'string' ? (example.data[k] as string) : JSON.stringify(example.data[k])}`).join(' | ');
}

export async function embedExamples(embedder: Embedder, examples: readonly Example[], inputKeys: readonly string[], signal: AbortSignal): Promise<number[][]> {
  const texts = examples.map((ex) => inputText(ex, inputKeys));
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += KNN_EMBED_BATCH) {
    signal.throwIfAborted();
    const batch = texts.slice(i, i + KNN_EMBED_BATCH);
    const { vectors } = await embedder.embed({ input: batch, signal });
    if (vectors.length !== batch.length) throw new Error(`the embeddings endpoint returned ${vectors.length} vectors for ${batch.length} inputs`);
    out.push(...vectors);
  }
  return out;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Indexes of the k train vectors with the largest dot product with `query` (ties: lower index). */
export function nearest(train: readonly number[][], query: readonly number[], k: number): number[] {
  return train
    .map((v, index) => ({ index, sim: dot(v, query) }))
    .sort((a, b) => b.sim - a.sim || a.index - b.index)
    .slice(0, k)
    .map((n) => n.index);
}

/**
 * Each query votes for its k nearest train vectors; returns the train indexes that got a vote,
 * most votes first (ties: train order), so that a fixed demo list serves most queries' neighbourhoods.
 */
export function neighbourVotes(train: readonly number[][], queries: readonly number[][], k: number): { index: number; votes: number }[] {
  const votes = new Map<number, number>();
  for (const q of queries) for (const i of nearest(train, q, k)) votes.set(i, (votes.get(i) ?? 0) + 1);
  return [...votes].map(([index, n]) => ({ index, votes: n })).sort((a, b) => b.votes - a.votes || a.index - b.index);
}
