import { createHash } from 'node:crypto';
import { useSha256 } from '../core/lm/sha256';

/** Cache keys through Node's synchronous SHA-256: the same keys as WebCrypto's, at a fraction of its per-call cost. */
export function installNodeSha256(): void {
  useSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
}
