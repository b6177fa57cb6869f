import { pyStr } from '../../signature/py-value';

/**
 * DSPy's `normalize_text`: Unicode NFD, lowercase, drop ASCII punctuation, drop the articles
 * a/an/the, collapse whitespace. Python's `\b` counts any Unicode letter or digit as a word
 * character while JavaScript's counts only ASCII ones, hence the explicit lookarounds.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(ARTICLES, ' ')
    .split(/\s+/u)
    .filter(Boolean)
    .join(' ');
}

/** Python's `string.punctuation`. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

export function tokens(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** A field value as text, as Python's `str()` would print it (DSPy metrics compare those). */
export function valueText(value: unknown): string {
  return value === null || value === undefined ? '' : pyStr(value);
}

/** A value for a feedback sentence: quoted, short, and "nothing" when absent. */
export function shown(value: unknown, max = 200): string {
  if (value === null || value === undefined) return 'nothing';
  const text = valueText(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${cut}'`;
}
