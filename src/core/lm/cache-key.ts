import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';
import type { LMRequest } from './types';

/**
 * SHA-256 (hex) of the canonical JSON of what determines the reply. The API key, base URL and
 * headers are left out on purpose: the cache is shared across keys and must never hold a key.
 */
export async function cacheKey(model: string, request: LMRequest): Promise<string> {
  const keyed = {
    model,
    messages: request.messages,
    temperature: request.temperature,
    maxTokens: request.maxTokens,
    n: request.n,
    responseFormat: request.responseFormat,
    rolloutId: request.rolloutId,
  };
  return sha256Hex(canonicalJson(keyed));
}

// A key computed above the scheduler rides along with the request, so the write layer under the
// scheduler does not hash the same request again while its call holds a concurrency slot. A
// symbol: object spreads carry it, JSON and the wire never see it.
const KNOWN_KEY = Symbol('lm-cache-key');
type KeyedRequest = LMRequest & { [KNOWN_KEY]?: string };

/** `request` with its cache key (for `model`) attached. */
export function withKnownKey(request: LMRequest, key: string): LMRequest {
  const keyed: KeyedRequest = { ...request, [KNOWN_KEY]: key };
  return keyed;
}

/** The key attached by `withKnownKey`, or a fresh hash. */
export function requestCacheKey(model: string, request: LMRequest): Promise<string> {
  const known = (request as KeyedRequest)[KNOWN_KEY];
  return known === undefined ? cacheKey(model, request) : Promise.resolve(known);
}
