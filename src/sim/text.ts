/** Small text helpers shared by the parser, the tasks and the embeddings. */

const STOPWORDS = new Set(
  'a an the and or but if of to in on at for with from by is are was were be been it its this that these those i me my we our you your he she they them their as so not no do does did have has had can could would should will just than then there here what which who how please hi hello thanks'.split(
    ' ',
  ),
);

/** Lower-case word tokens (letters, digits, apostrophes inside words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** Words that carry content: no stopwords, no one-letter tokens. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** Case, punctuation and whitespace folded away: what an exact-match judge compares. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

/** Rough token count, as the brief asks: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** True when `phrase` occurs in `text` as whole words (case-insensitive). */
export function hasPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text.toLowerCase());
}

/** Sentences, roughly: split on end punctuation and line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
