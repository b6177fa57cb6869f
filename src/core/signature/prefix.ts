/**
 * DSPy's `infer_prefix`: the human label it derives from a field name and still saves as the
 * field's `prefix` (`next_tool_name` -> `Next Tool Name`, `HTMLParser` -> `HTML Parser`).
 * Regexes mirror DSPy's: ASCII letters for the case splits, any decimal digit for numbers.
 */
export function inferPrefix(name: string): string {
  const camel = name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  const spaced = camel.replace(/([a-zA-Z])(\p{Nd})/gu, '$1_$2').replace(/(\p{Nd})([a-zA-Z])/gu, '$1_$2');
  return spaced
    .split('_')
    .map((word) => (isUpper(word) ? word : capitalize(word)))
    .join(' ');
}

/** The saved form: the inferred prefix and a colon, e.g. `Question:`. */
export function fieldPrefix(name: string): string {
  return `${inferPrefix(name)}:`;
}

/** Python's `str.isupper()`: at least one cased character and no lowercase one. */
function isUpper(word: string): boolean {
  return word.toUpperCase() === word && word.toLowerCase() !== word;
}

/** Python's `str.capitalize()`: first character in title case (`ß` -> `Ss`), the rest lower. */
function capitalize(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  const upper = first.toUpperCase();
  const title = upper.length > 1 ? upper.charAt(0) + upper.slice(1).toLowerCase() : upper;
  return title + rest.join('').toLowerCase();
}
