import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../core/lm/cache-key';
import { useSha256 } from '../core/lm/sha256';
import { embeddingCacheKey } from '../core/retrieve/embedding-cache';
import { installNodeSha256 } from './node-sha256';

const webCrypto = async (text: string) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

describe("Node's SHA-256 for cache keys", () => {
  afterEach(() => useSha256(webCrypto));

  it('gives the very keys WebCrypto gives, for LM requests and embeddings, non-ASCII text included', async () => {
    const request = { messages: [{ role: 'user' as const, content: 'Ünïcödé « quotes » and emoji 🙂\n'.repeat(50) }], temperature: 0 };
    const before = [await cacheKey('sim-1', request), await embeddingCacheKey('embed-1', 'naïve café 🙂')];
    installNodeSha256();
    const after = [await cacheKey('sim-1', request), await embeddingCacheKey('embed-1', 'naïve café 🙂')];
    expect(after).toEqual(before);
    expect(after[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
