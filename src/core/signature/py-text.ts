/**
 * Python's string primitives that DSPy's prompt layout leans on. Matching them exactly is what
 * keeps our prompts byte-identical to DSPy's: JavaScript's `trim` and `split('\n')` differ from
 * Python's `strip` and `splitlines` on a handful of characters.
 */

/** The characters for which Python's `str.isspace()` is true. */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// One character at a time from each end: a `[...]+$` regex retries from every space run inside a
// long prompt, quadratic in the worst case and a measurable share of the engine's CPU.
const SPACE = new RegExp(`[${PY_SPACE}]`);
/** Python's `str.splitlines` boundaries. */
// eslint-disable-next-line no-control-regex -- the file/group/record separators are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

export function pyStrip(text: string): string {
  return pyRstrip(pyLstrip(text));
}

export function pyLstrip(text: string): string {
  let start = 0;
  while (start < text.length && SPACE.test(text.charAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && SPACE.test(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `str.splitlines()`: no trailing empty piece for a final line break. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `str.expandtabs(8)`: tabs advance to the next multiple of 8 columns, counted per line. */
export function expandTabs(text: string, size = 8): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const pad = size - (column % size);
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

/**
 * `inspect.cleandoc`: DSPy reads a signature's instructions through it, so the prompt shows
 * the cleaned text (first line unindented, common margin of the rest removed, blank edges gone).
 */
export function cleandoc(doc: string): string {
  const lines = expandTabs(doc).split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = pyLstrip(line).length;
    if (content > 0) margin = Math.min(margin, line.length - content);
  }
  if (lines.length > 0) lines[0] = pyLstrip(lines[0] ?? '');
  if (margin !== Infinity) {
    for (let i = 1; i < lines.length; i++) lines[i] = (lines[i] ?? '').slice(margin);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.join('\n');
}

/**
 * `textwrap.dedent`: lines of only spaces and tabs become empty, then the longest common
 * leading run of spaces/tabs among the other lines is removed. Lines are split on `\n` only,
 * as Python's regexes see them.
 */
export function dedent(text: string): string {
  const lines = text.split('\n').map((line) => (/^[ \t]+$/.test(line) ? '' : line));
  let margin: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    margin = margin === undefined ? indent : commonPrefix(margin, indent);
  }
  return margin ? lines.map((line) => line.slice(margin.length)).join('\n') : lines.join('\n');
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
