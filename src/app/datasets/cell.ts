import { coerceValue } from '../../core/signature/coerce';
import type { Field } from '../../core/signature/types';

/** A value as the grid shows it: text as is, everything else as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type CellParse = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads an edited cell as the column's type, so an int column keeps ints. */
export function parseCell(text: string, field: Field): CellParse {
  if (text === '') return { ok: true, value: field.type === 'str' ? '' : null };
  const result = coerceValue(text, field.type, field.name);
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
}
