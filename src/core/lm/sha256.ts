/**
 * SHA-256 as lowercase hex, the cache keys' hash. WebCrypto by default (browser, worker, Node);
 * a host may install a faster implementation of the same function: the CLI installs Node's
 * synchronous `crypto.createHash`, which costs a fraction of WebCrypto's per-call job in Node
 * (a third of a warm optimizer replay's CPU went to it). Keys are the same bytes either way.
 */
export type Sha256Hex = (text: string) => string | Promise<string>;

async function webCryptoSha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let implementation: Sha256Hex = webCryptoSha256;

/** Installs another SHA-256 (it must return the same hex as WebCrypto for every text). */
export function useSha256(sha256: Sha256Hex): void {
  implementation = sha256;
}

export async function sha256Hex(text: string): Promise<string> {
  return implementation(text);
}
