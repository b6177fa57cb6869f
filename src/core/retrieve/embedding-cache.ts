import { abortableSleep, isAbortError } from '../lm/abort';
import { backoffDelay } from '../lm/backoff';
import { canonicalJson } from '../lm/canonical-json';
import { sha256Hex } from '../lm/sha256';
import type { CacheStore } from '../lm/cache-store';
import type { Embedder, Usage } from '../lm/types';
import { ZERO_USAGE, addUsage } from '../lm/types';
import { isLMError } from '../lm/errors';

/** Texts per embeddings request: small enough for long passages to stay under providers' token limits. */
export const EMBED_BATCH = 64;
/** Requests in flight at once while a corpus is embedded. */
const PARALLEL_BATCHES = 4;
/** Backoff between tries of one batch after a retryable failure (429, 5xx, a dropped connection). */
const BACKOFF = { baseDelayMs: 500, maxDelayMs: 15_000 };

export interface EmbedOptions {
  embedder: Embedder;
  model: string;
  /** Where vectors are kept between builds (the LM cache's store); omit to embed every time. */
  cache?: CacheStore;
  batchSize?: number;
  /** Tries of a batch after a retryable provider error, beyond the first (default 4). */
  retries?: number;
  signal?: AbortSignal;
  /** A failing store degrades to "no cache"; this hears about it. */
  onStoreError?: (error: unknown, operation: 'get' | 'set') => void;
}

/**
 * What every embedding key starts with (an LM key is bare hex). A store can count and evict
 * vectors apart from LM replies by it, so a large corpus does not push replies out.
 */
export const EMBEDDING_KEY_PREFIX = 'embedding:';

export function isEmbeddingCacheKey(key: string): boolean {
  return key.startsWith(EMBEDDING_KEY_PREFIX);
}

/**
 * SHA-256 (hex) of the model and the text, behind EMBEDDING_KEY_PREFIX, so it can never equal
 * an LM request's key. The API key and base URL are left out on purpose, as in the LM cache.
 */
export async function embeddingCacheKey(model: string, text: string): Promise<string> {
  return EMBEDDING_KEY_PREFIX + (await sha256Hex(canonicalJson({ kind: 'embedding', model, input: text })));
}

/**
 * A vector as the cache keeps it: little-endian float32 in base64 behind a "f32:" tag, about a
 * quarter of its JSON (a 1536-dimension vector is 8 KB, not 30).
 */
export function encodeVector(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  const bytes = new Uint8Array(view.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `f32:${btoa(binary)}`;
}

/** A stored vector, or undefined when the text is not one (a miss, never a wrong vector). */
export function decodeVector(text: string | undefined): number[] | undefined {
  if (!text?.startsWith('f32:')) return undefined;
  let binary: string;
  try {
    binary = atob(text.slice(4));
  } catch {
    return undefined;
  }
  if (binary.length === 0 || binary.length % 4 !== 0) return undefined;
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  const out = Array.from({ length: binary.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
  return out.every((x) => Number.isFinite(x)) ? out : undefined;
}

interface Stored {
  vector: number[];
  /** This text's share of the tokens of the request that embedded it: what a hit saves. */
  usage: Usage;
}

async function lookup(options: EmbedOptions, key: string): Promise<Stored | undefined> {
  if (!options.cache) return undefined;
  try {
    const entry = await options.cache.get(key);
    const vector = entry?.texts.length === 1 ? decodeVector(entry.texts[0]) : undefined;
    return vector && { vector, usage: entry?.usage ?? { ...ZERO_USAGE } };
  } catch (error) {
    options.onStoreError?.(error, 'get');
    return undefined;
  }
}

async function remember(options: EmbedOptions, key: string, vector: readonly number[], usage: Usage): Promise<void> {
  if (!options.cache) return;
  try {
    await options.cache.set(key, { texts: [encodeVector(vector)], model: options.model, usage, createdAt: Date.now() });
  } catch (error) {
    options.onStoreError?.(error, 'set');
  }
}

/**
 * A request's tokens shared among its texts by length (largest remainders get the odd tokens),
 * so the shares sum to what was spent. Providers report one total per request, not per input.
 */
export function tokenShares(total: number, texts: readonly string[]): number[] {
  const weights = texts.map((t) => Math.max(1, t.length));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}

/** One batch, tried again after a retryable error (honouring Retry-After) up to `options.retries` times. */
async function embedBatch(options: EmbedOptions, texts: readonly string[]): Promise<{ vectors: number[][]; usage: Usage }> {
  for (let retry = 0; ; retry++) {
    try {
      return await embedOnce(options, texts);
    } catch (error) {
      if (isAbortError(error) || !isLMError(error) || !error.retryable || retry >= (options.retries ?? 4)) throw error;
      await abortableSleep(backoffDelay(retry, BACKOFF, Math.random, error.retryAfterMs), options.signal);
    }
  }
}

async function embedOnce(options: EmbedOptions, texts: readonly string[]): Promise<{ vectors: number[][]; usage: Usage }> {
  options.signal?.throwIfAborted();
  const { vectors, usage } = await options.embedder.embed({ input: [...texts], model: options.model, ...(options.signal ? { signal: options.signal } : {}) });
  if (vectors.length !== texts.length) throw new Error(`the embeddings endpoint returned ${vectors.length} vectors for ${texts.length} inputs`);
  for (const [i, v] of vectors.entries()) {
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => Number.isFinite(x))) throw new Error(`the embeddings endpoint returned no usable vector for input ${i + 1} of a batch`);
  }
  return { vectors, usage };
}

/**
 * One vector per text, in order. Cached vectors are read first; only the texts missing from the
 * cache are sent, each distinct text once, in batches (a few at a time), and stored as they come.
 */
export async function embedTexts(texts: readonly string[], options: EmbedOptions): Promise<number[][]> {
  const keys = await Promise.all(texts.map((t) => embeddingCacheKey(options.model, t)));
  const distinct = new Map<string, string>();
  for (const [i, key] of keys.entries()) if (!distinct.has(key)) distinct.set(key, texts[i] as string);
  // Lookups go together: a store such as IndexedDB answers many reads far faster in parallel.
  const stored = await Promise.all([...distinct.keys()].map((key) => lookup(options, key)));
  const found = new Map<string, number[]>();
  const misses = new Map<string, string>();
  let saved: Usage | undefined;
  for (const [i, [key, text]] of [...distinct].entries()) {
    const hit = stored[i];
    if (hit) {
      found.set(key, hit.vector);
      saved = addUsage(saved ?? ZERO_USAGE, hit.usage);
    } else misses.set(key, text);
  }
  // One report for all the hits: they stand for requests that need not be sent.
  if (saved) options.embedder.cacheHit?.(options.model, saved);
  const pending = [...misses];
  const size = Math.max(1, options.batchSize ?? EMBED_BATCH);
  const batches: (typeof pending)[] = [];
  for (let i = 0; i < pending.length; i += size) batches.push(pending.slice(i, i + size));
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    options.signal?.throwIfAborted();
    await Promise.all(
      batches.slice(i, i + PARALLEL_BATCHES).map(async (batch) => {
        const batchTexts = batch.map(([, text]) => text);
        const { vectors, usage } = await embedBatch(options, batchTexts);
        const shares = tokenShares(usage.promptTokens, batchTexts);
        for (const [j, [key]] of batch.entries()) {
          // Rounded as the cache keeps them, so a fresh build and a cached one rank alike.
          const vector = (vectors[j] as number[]).map((x) => Math.fround(x));
          found.set(key, vector);
          const tokens = shares[j] ?? 0;
          await remember(options, key, vector, { promptTokens: tokens, completionTokens: 0, totalTokens: tokens });
        }
      }),
    );
  }
  return keys.map((key) => found.get(key) as number[]);
}
