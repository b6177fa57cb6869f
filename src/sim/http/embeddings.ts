/**
 * Deterministic embeddings: hashed bag of words (plus word pairs), signed, L2-normalized. Texts
 * that share words land near each other, which is all KNN few-shot needs from them.
 */
import { hashString } from '../hash';
import { contentWords, words } from '../text';

export const DEFAULT_DIMENSIONS = 256;

export function embedText(text: string, dimensions = DEFAULT_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const tokens = contentWords(text).length > 0 ? contentWords(text) : words(text);
  const add = (feature: string, weight: number) => {
    const h = hashString(feature);
    vector[h % dimensions] = (vector[h % dimensions] as number) + (h & 0x80000000 ? -weight : weight);
  };
  tokens.forEach((token, i) => {
    add(`w:${token}`, 1);
    const next = tokens[i + 1];
    if (next) add(`p:${token} ${next}`, 0.5);
  });
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  // An empty text still gets a unit vector, so cosine and dot products stay finite.
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((x) => x / norm);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Little-endian float32 bytes in base64, as OpenAI sends for `encoding_format: "base64"`. */
export function float32Base64(vector: readonly number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
    out += b === undefined ? '=' : B64.charAt((n >> 6) & 63);
    out += c === undefined ? '=' : B64.charAt(n & 63);
  }
  return out;
}
