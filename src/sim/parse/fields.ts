/**
 * Reads the numbered field list of a DSPy system message:
 * "1. `a` (int): the first number", possibly followed by description or constraint lines.
 */
import type { SimField } from '../types';

const FIELD_START = /^(\d+)\. `(\w+)` \(/;

/** Index just past the parenthesis that closes the one opened before `start` (quotes respected). */
function closingParen(line: string, start: number): number {
  let depth = 1;
  let quote: string | null = null;
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function parseFieldList(section: string): SimField[] {
  const fields: SimField[] = [];
  for (const line of section.split('\n')) {
    const match = FIELD_START.exec(line);
    const close = match ? closingParen(line, match[0].length) : -1;
    if (match && close >= 0) {
      const rest = line.slice(close + 1).replace(/^:\s?/, '');
      fields.push({ name: match[2] ?? '', type: line.slice(match[0].length, close).trim(), desc: rest.trim() });
    } else if (fields.length > 0 && line.trim()) {
      const last = fields[fields.length - 1] as SimField;
      last.desc = last.desc ? `${last.desc}\n${line.trim()}` : line.trim();
    }
  }
  return fields;
}

export type TypeKind = 'str' | 'int' | 'float' | 'bool' | 'literal' | 'list' | 'dict' | 'other';

export function typeKind(type: string): TypeKind {
  const t = type.trim();
  if (t === 'str' || t === '' || t === 'Reasoning') return 'str';
  if (t === 'int') return 'int';
  if (t === 'float') return 'float';
  if (t === 'bool') return 'bool';
  if (t.startsWith('Literal[')) return 'literal';
  if (t.startsWith('list[') || t.startsWith('List[') || t === 'list') return 'list';
  if (t.startsWith('dict[') || t.startsWith('Dict[') || t === 'dict' || t === 'json') return 'dict';
  return 'other';
}

/** The options of a `Literal['a', 'b']` type, in order. */
export function literalOptions(type: string): string[] {
  if (!type.trim().startsWith('Literal[')) return [];
  const inner = type.trim().slice('Literal['.length, -1);
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^,\s][^,]*)/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  }
  return out.filter((o) => o.length > 0);
}

export function isNumericKind(kind: TypeKind): boolean {
  return kind === 'int' || kind === 'float';
}
