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
  // indexOf with a boundary check, not a RegExp built per call: this runs for every cue word of
  // every request, and the sim's speed bounds the benchmarks that use it.
  const haystack = text.toLowerCase();
  const needle = phrase.toLowerCase();
  if (needle.length === 0) return true;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    if (!isWordChar(haystack[i - 1]) && !isWordChar(haystack[i + needle.length])) return true;
  }
  return false;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
}

/** Sentences, roughly: split on end punctuation and line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
