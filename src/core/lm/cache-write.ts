import type { CacheOptions } from './cache';
import { requestCacheKey } from './cache-key';
import type { CacheEntry, CacheStore } from './cache-store';
import type { LM, LMResponse } from './types';

/** What the cache keeps of a reply. */
export function entryOf(response: LMResponse, createdAt: number): CacheEntry {
  const entry: CacheEntry = { texts: [...response.texts], model: response.model, usage: { ...response.usage }, createdAt };
  if (response.finishReason !== undefined) entry.finishReason = response.finishReason;
  return entry;
}

/** Stores a reply; a failing store is reported and otherwise ignored (the call still succeeds). */
export async function storeReply(store: CacheStore, key: string, response: LMResponse, options: CacheOptions): Promise<void> {
  try {
    await store.set(key, entryOf(response, (options.now ?? Date.now)()));
  } catch (error) {
    options.onStoreError?.(error, 'set');
  }
}

/**
 * Writes every reply to the cache before handing it back. Placed below the scheduler (see
 * `createLM`), a call keeps its concurrency slot until its reply is stored, so a page that goes
 * away loses at most `concurrency` paid replies: the ones still being fetched or stored.
 */
export function withCacheWrite(lm: LM, store: CacheStore, options: CacheOptions = {}): LM {
  return {
    model: lm.model,
    async complete(request) {
      const response = await lm.complete(request);
      if (request.cache === false || response.cached) return response;
      await storeReply(store, await requestCacheKey(request.model ?? lm.model, request), response, options);
      return response;
    },
  };
}
