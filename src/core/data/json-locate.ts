/**
 * Finds where and why `JSON.parse` rejected a text. Engines word (and place) their errors
 * differently — V8 gives a position, Firefox a line and column, older engines neither — so we
 * re-scan the text ourselves, only after a parse has failed.
 */
export interface JsonSyntaxProblem {
  /** UTF-16 offset of the offending character (text.length at an unexpected end). */
  offset: number;
  message: string;
}

// Recursion keeps the scanner short; past this depth we give up locating rather than overflow.
const MAX_DEPTH = 1_000;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Problem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value(0);
    scanner.skipSpace();
    if (scanner.pos < text.length) {
      throw new Problem(scanner.pos, `unexpected ${scanner.describe()} after the end of the JSON value`);
    }
    return undefined;
  } catch (e) {
    if (e instanceof Problem) return { offset: e.offset, message: e.message };
    throw e;
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  describe(at = this.pos): string {
    const ch = this.text[at];
    if (ch === undefined) return 'end of input';
    if (ch === '\n' || ch === '\r') return 'line break';
    return `character ${JSON.stringify(ch)}`;
  }

  fail(expected: string, at = this.pos): never {
    throw new Problem(at, `expected ${expected}, found ${this.describe(at)}`);
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else break;
    }
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) throw new Problem(this.pos, `nested deeper than ${MAX_DEPTH} levels here, so the error could not be located`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (c === "'") throw new Problem(this.pos, 'strings must use double quotes, found a single quote');
    this.fail('a value');
  }

  private object(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('a property name in double quotes');
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("':' after the property name");
      this.pos++;
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail("',' or '}'");
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '}') throw new Problem(this.pos, "trailing comma before '}'");
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail("',' or ']'");
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ']') throw new Problem(this.pos, "trailing comma before ']'");
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) throw new Problem(start, 'unterminated string');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const e = t[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
            throw new Problem(this.pos, 'bad \\u escape: expected 4 hex digits');
          }
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.pos += 2;
        } else {
          throw new Problem(this.pos, `bad escape sequence \\${e ?? ''}`);
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        throw new Problem(this.pos, `${this.describe()} inside a string (escape it as \\n, \\t, ...)`);
      }
      this.pos++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('a number');
    this.pos += match[0].length;
  }
}
