import type { FieldType } from '../signature/types';

/**
 * Column typing. A column gets the narrowest DSPy type that fits every present value, and all
 * its values are converted to that type, so `12` and `"12"` never sit in the same column.
 *
 * Text cells (CSV): `int` when every non-empty cell is an integer without leading zeros (so
 * zip codes and ids like "007" stay text) that fits a double exactly; `float` when every cell
 * is a decimal number; `bool` for true/false in any case; `list[str]` for JSON arrays of
 * strings and `dict` for JSON objects (how `toCSV` writes them); `str` otherwise. An empty
 * cell is `null` in a typed column and `""` in a `str` column.
 *
 * JSON values are typed already: the column type follows them (`list` for arrays that are not
 * all strings); a column mixing kinds becomes `str`, numbers and booleans written as text and
 * arrays/objects as JSON. `null` and absent keys are `null`. Note that JSON cannot tell `12.0`
 * from `12`, so a JSON column of whole floats reads as `int`.
 */
export interface ColumnType {
  type: FieldType;
  coerce: (value: unknown) => unknown;
  /** Set when the column fell back to `str` over mixed kinds, for a warning. */
  mixed?: string[];
}

const INT = /^[+-]?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const BOOL = /^(?:true|false)$/i;

type TextKind = 'int' | 'float' | 'bool' | 'list[str]' | 'dict' | 'str';

export function inferTextColumn(cells: readonly unknown[]): ColumnType {
  let kind: TextKind | undefined;
  for (const cell of cells) {
    const text = typeof cell === 'string' ? cell.trim() : '';
    if (text === '') continue;
    kind = widen(kind, textKind(text));
    if (kind === 'str') break;
  }
  return textColumn(kind ?? 'str');
}

function textKind(text: string): TextKind {
  if (INT.test(text)) return Number.isSafeInteger(Number(text)) ? 'int' : 'str';
  if (FLOAT.test(text)) return Number.isFinite(Number(text)) ? 'float' : 'str';
  if (BOOL.test(text)) return 'bool';
  const first = text[0];
  if (first === '[' || first === '{') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return 'list[str]';
      if (isPlainObject(parsed)) return 'dict';
    } catch {
      // Not JSON: ordinary text that happens to start with a bracket.
    }
  }
  return 'str';
}

function widen(current: TextKind | undefined, next: TextKind): TextKind {
  if (current === undefined || current === next) return next;
  if ((current === 'int' && next === 'float') || (current === 'float' && next === 'int')) return 'float';
  return 'str';
}

function textColumn(kind: TextKind): ColumnType {
  const blankIsNull = (convert: (text: string) => unknown) => (value: unknown) => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' ? null : convert(text);
  };
  switch (kind) {
    case 'int':
    case 'float':
      return { type: kind, coerce: blankIsNull(Number) };
    case 'bool':
      return { type: 'bool', coerce: blankIsNull((t) => t.toLowerCase() === 'true') };
    case 'list[str]':
    case 'dict':
      return { type: kind, coerce: blankIsNull((t) => JSON.parse(t) as unknown) };
    case 'str':
      return { type: 'str', coerce: (v) => (typeof v === 'string' ? v : '') };
    default: {
      const never: never = kind;
      throw new Error(`unknown column kind ${String(never)}`);
    }
  }
}

type JsonKind = 'int' | 'float' | 'bool' | 'str' | 'list[str]' | 'list' | 'dict';

export function inferJsonColumn(values: readonly unknown[]): ColumnType {
  const kinds = new Set<JsonKind>();
  for (const value of values) if (value !== null && value !== undefined) kinds.add(jsonKind(value));
  if (kinds.has('float')) kinds.delete('int');
  if (kinds.has('list')) kinds.delete('list[str]');
  if (kinds.size === 0) return { type: 'str', coerce: (v) => (v === undefined ? null : v) };
  if (kinds.size === 1) {
    const type = [...kinds][0] as JsonKind;
    return { type, coerce: (v) => (v === undefined ? null : v) };
  }
  return { type: 'str', coerce: toText, mixed: [...kinds].sort() };
}

function jsonKind(value: unknown): JsonKind {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return value.every((x) => typeof x === 'string') ? 'list[str]' : 'list';
  return 'dict';
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
