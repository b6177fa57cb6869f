import { canonicalJson } from './canonical-json';
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
  const bytes = new TextEncoder().encode(canonicalJson(keyed));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
