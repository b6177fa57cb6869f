/**
 * Reads JSON the way an LM tends to write it. DSPy runs replies through `json_repair` and then
 * `ast.literal_eval`; this is our own small equivalent covering the usual mistakes:
 * single-quoted strings (with apostrophes inside), Python's True/False/None, trailing commas,
 * tuples, unquoted keys and words inside containers, unclosed brackets at the end of a
 * truncated reply, and prose or code fences around a single object or array.
 */

export type LenientResult = { ok: true; value: unknown } | { ok: false };

const FAIL: LenientResult = { ok: false };
const MAX_DEPTH = 200;
const CONSTANTS: Record<string, unknown> = {
  true: true, false: false, null: null, True: true, False: false, None: null,
  NaN: NaN, Infinity: Infinity,
};

class Failure extends Error {}

export function parseLenientJson(text: string): LenientResult {
  const trimmed = text.trim();
  if (trimmed === '') return FAIL;
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    // fall through to the repairs
  }
  const whole = readFrom(trimmed, 0, true);
  if (whole) return { ok: true, value: whole.value };
  const start = trimmed.search(/[[{]/);
  if (start < 0) return FAIL;
  const inner = readFrom(trimmed, start, false);
  return inner ? { ok: true, value: inner.value } : FAIL;
}

function readFrom(text: string, start: number, mustConsumeAll: boolean): { value: unknown } | undefined {
  const reader = new Reader(text, start);
  try {
    const value = reader.value(0);
    reader.skipSpace();
    if (mustConsumeAll && !reader.atEnd()) return undefined;
    return { value };
  } catch (error) {
    if (error instanceof Failure) return undefined;
    throw error;
  }
}

class Reader {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Failure();
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === undefined) throw new Failure();
    if (ch === '{') return this.object(depth);
    if (ch === '[' || ch === '(') return this.array(depth, ch === '[' ? ']' : ')');
    if (ch === '"' || ch === "'") return this.string(ch);
    const number = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number && this.endsToken(this.pos + number[0].length)) {
      this.pos += number[0].length;
      return Number(number[0].replace(/_/g, ''));
    }
    const word = /^-?[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (word && this.endsToken(this.pos + word[0].length)) {
      const negative = word[0].startsWith('-');
      const name = negative ? word[0].slice(1) : word[0];
      if (Object.hasOwn(CONSTANTS, name) && (!negative || name === 'Infinity')) {
        this.pos += word[0].length;
        return negative ? -Infinity : CONSTANTS[name];
      }
    }
    // A bare word is only readable inside a container, where a delimiter ends it.
    if (depth === 0) throw new Failure();
    return this.bare();
  }

  private endsToken(at: number): boolean {
    const next = this.text[at];
    return next === undefined || /[\s,:\]})]/.test(next);
  }

  private object(depth: number): Record<string, unknown> {
    this.pos++;
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === undefined) return result;
      if (ch === '}') {
        this.pos++;
        return result;
      }
      const key = ch === '"' || ch === "'" ? this.string(ch) : this.bare(':');
      this.skipSpace();
      if (this.text[this.pos] !== ':') throw new Failure();
      this.pos++;
      result[key] = this.value(depth + 1);
      if (!this.separator('}')) return result;
    }
  }

  private array(depth: number, close: string): unknown[] {
    this.pos++;
    const result: unknown[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === undefined) return result;
      if (ch === close) {
        this.pos++;
        return result;
      }
      result.push(this.value(depth + 1));
      if (!this.separator(close)) return result;
    }
  }

  /** After an item: a comma (possibly trailing), the closer, or the end of a truncated reply. */
  private separator(close: string): boolean {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === undefined) return false;
    if (ch === ',') {
      this.pos++;
      return true;
    }
    if (ch === close) return true;
    throw new Failure();
  }

  private string(quote: string): string {
    let out = '';
    this.pos++;
    while (!this.atEnd()) {
      const ch = this.text[this.pos] as string;
      if (ch === quote) {
        // An apostrophe inside a single-quoted string: the quote does not end the value.
        if (quote === "'" && !this.endsToken(this.pos + 1)) {
          out += ch;
          this.pos++;
          continue;
        }
        this.pos++;
        return out;
      }
      if (ch !== '\\') {
        out += ch;
        this.pos++;
        continue;
      }
      out += this.escape();
    }
    return out;
  }

  private escape(): string {
    const next = this.text[this.pos + 1] ?? '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"', "'": "'" };
    const hex = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.text.slice(this.pos + 2)) : next === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.text.slice(this.pos + 2)) : null;
    if (simple[next] !== undefined) {
      this.pos += 2;
      return simple[next];
    }
    if (hex) {
      this.pos += 2 + hex[0].length;
      return String.fromCharCode(parseInt(hex[0], 16));
    }
    this.pos += 2;
    return '\\' + next;
  }

  /** Unquoted text up to the next delimiter (`stop` adds one, e.g. ':' for keys). */
  private bare(stop = ''): string {
    const start = this.pos;
    while (!this.atEnd() && !`,}])\n${stop}`.includes(this.text[this.pos] as string)) this.pos++;
    const word = this.text.slice(start, this.pos).trim();
    if (word === '') throw new Failure();
    return word;
  }
}
