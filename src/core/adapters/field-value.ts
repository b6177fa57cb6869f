/**
 * How DSPy writes a value into a prompt (`format_field_value`): a list given to a `str` field
 * becomes a numbered list of «quoted» items; lists and dicts are JSON; anything else is
 * Python's `str()` of it (so `True`, `None`, `3`).
 */
import type { TypeSpec } from '../signature/field-type';
import { pyJsonDumps, pyStr } from '../signature/py-value';

export function formatFieldValue(value: unknown, spec: TypeSpec): string {
  if (Array.isArray(value) && spec.kind === 'str') return numberedList(value);
  if (value !== null && typeof value === 'object') return pyJsonDumps(value);
  return pyStr(value);
}

function numberedList(items: unknown[]): string {
  if (items.length === 0) return 'N/A';
  if (items.length === 1) return blob(items[0]);
  return items.map((item, i) => `[${i + 1}] ${blob(item)}`).join('\n');
}

/** One list item, quoted so an LM can tell where it ends; multi-line items get a fenced block. */
function blob(item: unknown): string {
  const text = pyStr(item);
  if (!text.includes('\n') && !text.includes('«') && !text.includes('»')) return `«${text}»`;
  return `«««\n    ${text.replace(/\n/g, '\n    ')}\n»»»`;
}
