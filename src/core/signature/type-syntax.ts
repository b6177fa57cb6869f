/**
 * The annotation grammar of DSPy string signatures, which DSPy hands to Python's own parser:
 * names (optionally `typing.`-qualified), subscripts, `X | None`, and Python string/number
 * literals inside `Literal[...]` (so commas and brackets inside quotes are just text).
 */
import { SignatureError } from './errors';
import type { LiteralValue, TypeSpec } from './field-type';

type Token =
  | { t: 'name'; value: string; pos: number }
  | { t: 'string'; value: string; pos: number }
  | { t: 'number'; value: number; text: string; pos: number }
  | { t: 'punct'; value: '[' | ']' | ',' | '|' | '-'; pos: number }
  | { t: 'end'; pos: number };

type Parsed = TypeSpec | { kind: 'none' };

export interface TypeExpressionContext {
  /** Where the type text starts inside the larger text the columns refer to (0-based). */
  offset?: number;
  /** The field whose type this is, for error messages. */
  field?: string;
}

const UNSUPPORTED = new Set(['tuple', 'Tuple', 'set', 'Set', 'frozenset', 'FrozenSet', 'bytes', 'bytearray', 'complex', 'Sequence', 'Mapping', 'Iterable', 'Callable', 'type', 'Type', 'object']);

/** Parses one annotation; throws `SignatureError` with a 1-based column. */
export function parseTypeExpression(text: string, context: TypeExpressionContext = {}): TypeSpec {
  const parser = new TypeParser(text, context);
  return parser.parseWhole();
}

class TypeParser {
  private readonly tokens: Token[];
  private index = 0;
  private readonly offset: number;
  private readonly forField: string;

  constructor(
    private readonly text: string,
    context: TypeExpressionContext,
  ) {
    this.offset = context.offset ?? 0;
    this.forField = context.field === undefined ? '' : ` for field '${context.field}'`;
    this.tokens = this.tokenize();
  }

  parseWhole(): TypeSpec {
    const first = this.peek();
    if (first.t === 'end') this.fail(`missing type${this.forField}`, first.pos);
    const spec = this.expectType(this.parseUnion());
    const rest = this.peek();
    if (rest.t !== 'end') this.fail(`unexpected '${this.text.slice(rest.pos, rest.pos + 12)}' in type${this.forField}`, rest.pos);
    return spec;
  }

  private parseUnion(): Parsed {
    const start = this.peek().pos;
    const members = [this.parseTerm()];
    while (this.acceptPunct('|')) members.push(this.parseTerm());
    return this.union(members, start);
  }

  private union(members: Parsed[], pos: number): Parsed {
    if (members.length === 1) return members[0] as Parsed;
    const real = members.filter((m): m is TypeSpec => m.kind !== 'none');
    const distinct = dedupe(real);
    if (distinct.length === 0) return { kind: 'none' };
    if (distinct.length > 1) this.fail(`unions other than 'X | None' are not supported${this.forField}`, pos);
    const only = distinct[0] as TypeSpec;
    return real.length < members.length ? optional(only) : only;
  }

  private parseTerm(): Parsed {
    const token = this.next();
    if (token.t !== 'name') this.fail(`expected a type name${this.forField}`, token.pos);
    const name = token.value.startsWith('typing.') ? token.value.slice('typing.'.length) : token.value;
    const hasArgs = this.peekPunct('[');
    const noArgs = (spec: Parsed): Parsed => {
      if (hasArgs) this.fail(`'${name}' takes no type arguments${this.forField}`, this.peek().pos);
      return spec;
    };
    switch (name) {
      case 'str':
      case 'int':
      case 'float':
      case 'bool':
        return noArgs({ kind: name });
      case 'Any':
      case 'json':
        return noArgs({ kind: 'any' });
      case 'None':
      case 'NoneType':
        return noArgs({ kind: 'none' });
      case 'list':
      case 'List': {
        if (!hasArgs) return { kind: 'list' };
        const args = this.typeArgs(name, 1);
        return { kind: 'list', of: args[0] as TypeSpec };
      }
      case 'dict':
      case 'Dict': {
        if (!hasArgs) return { kind: 'dict' };
        const [key, value] = this.typeArgs(name, 2);
        return { kind: 'dict', key: key as TypeSpec, value: value as TypeSpec };
      }
      case 'Optional': {
        if (!hasArgs) this.fail(`'Optional' needs a type argument${this.forField}`, token.pos);
        return optional(this.typeArgs(name, 1)[0] as TypeSpec);
      }
      case 'Union': {
        if (!hasArgs) this.fail(`'Union' needs type arguments${this.forField}`, token.pos);
        this.next();
        const members = this.list(() => this.parseUnion());
        return this.union(members, token.pos);
      }
      case 'Literal':
        if (!hasArgs) this.fail(`'Literal' needs at least one value${this.forField}`, token.pos);
        return { kind: 'literal', values: this.literalArgs() };
      default:
        if (UNSUPPORTED.has(name)) this.fail(`type '${name}'${this.forField} is not supported`, token.pos);
        return this.fail(`unknown type '${token.value}'${this.forField}`, token.pos);
    }
  }

  /** `[T, ...]` with exactly `count` types, none of them `None`. */
  private typeArgs(name: string, count: number): TypeSpec[] {
    const open = this.next();
    const args = this.list(() => this.parseUnion());
    if (args.length !== count) {
      const want = count === 1 ? 'one type argument' : `${count} type arguments`;
      this.fail(`'${name}[...]' takes ${want}, got ${args.length}${this.forField}`, open.pos);
    }
    return args.map((a) => this.expectType(a, open.pos));
  }

  private literalArgs(): LiteralValue[] {
    const open = this.next();
    const values = this.list(() => this.literalValue());
    if (values.length === 0) this.fail(`'Literal' needs at least one value${this.forField}`, open.pos);
    // Python's Literal drops repeated values.
    return values.filter((v, i) => values.findIndex((w) => w === v) === i);
  }

  private literalValue(): LiteralValue {
    const token = this.next();
    if (token.t === 'string') return token.value;
    if (token.t === 'number') return token.value;
    if (token.t === 'punct' && token.value === '-') {
      const number = this.next();
      if (number.t === 'number') return -number.value;
      this.fail(`expected a number after '-'${this.forField}`, number.pos);
    }
    if (token.t === 'name' && (token.value === 'True' || token.value === 'False')) return token.value === 'True';
    return this.fail(`Literal values must be quoted strings, numbers, True or False${this.forField}`, token.pos);
  }

  /** Comma-separated items up to the closing `]` (a trailing comma is allowed, as in Python). */
  private list<T>(item: () => T): T[] {
    const items: T[] = [];
    while (!this.peekPunct(']')) {
      if (this.peek().t === 'end') this.fail(`expected ']'${this.forField}`, this.peek().pos);
      items.push(item());
      if (!this.acceptPunct(',') && !this.peekPunct(']')) {
        const token = this.peek();
        this.fail(token.t === 'end' ? `expected ']'${this.forField}` : `expected ',' or ']'${this.forField}`, token.pos);
      }
    }
    this.next();
    return items;
  }

  private expectType(parsed: Parsed, pos = 0): TypeSpec {
    if (parsed.kind === 'none') this.fail(`'None' alone is not a field type${this.forField}`, pos);
    return parsed;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.t !== 'end') this.index++;
    return token;
  }

  private peekPunct(value: string): boolean {
    const token = this.peek();
    return token.t === 'punct' && token.value === value;
  }

  private acceptPunct(value: string): boolean {
    if (!this.peekPunct(value)) return false;
    this.index++;
    return true;
  }

  private fail(reason: string, pos: number): never {
    throw new SignatureError(reason, this.offset + pos + 1);
  }

  private tokenize(): Token[] {
    const tokens: Token[] = [];
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const ch = text[i] as string;
      if (/\s/.test(ch)) {
        i++;
      } else if ('[],|-'.includes(ch)) {
        tokens.push({ t: 'punct', value: ch as '[', pos: i });
        i++;
      } else if (ch === "'" || ch === '"') {
        const { value, end } = this.readString(i);
        tokens.push({ t: 'string', value, pos: i });
        i = end;
      } else {
        const name = /^[\p{XID_Start}_][\p{XID_Continue}]*(?:\.[\p{XID_Start}_][\p{XID_Continue}]*)*/u.exec(text.slice(i));
        const number = /^(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
        if (name) {
          tokens.push({ t: 'name', value: name[0], pos: i });
          i += name[0].length;
        } else if (number) {
          tokens.push({ t: 'number', value: Number(number[0].replace(/_/g, '')), text: number[0], pos: i });
          i += number[0].length;
        } else {
          this.fail(`unexpected '${ch}' in type${this.forField}`, i);
        }
      }
    }
    tokens.push({ t: 'end', pos: text.length });
    return tokens;
  }

  /** A Python string literal starting at `start`; returns its value and the index after it. */
  private readString(start: number): { value: string; end: number } {
    const text = this.text;
    const quote = text[start];
    let value = '';
    let i = start + 1;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === quote) return { value, end: i + 1 };
      if (ch === '\n') break;
      if (ch !== '\\') {
        value += ch;
        i++;
        continue;
      }
      const next = text[i + 1] ?? '';
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
      const hex = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 2)) : next === 'u' ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2)) : null;
      if (simple[next] !== undefined) {
        value += simple[next];
        i += 2;
      } else if (hex) {
        value += String.fromCharCode(parseInt(hex[0], 16));
        i += 2 + hex[0].length;
      } else {
        // Python keeps unknown escapes as written.
        value += '\\' + next;
        i += 2;
      }
    }
    return this.fail(`unterminated string in type${this.forField}`, start);
  }
}

function optional(of: TypeSpec): TypeSpec {
  return of.kind === 'optional' ? of : { kind: 'optional', of };
}

function dedupe(specs: TypeSpec[]): TypeSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
