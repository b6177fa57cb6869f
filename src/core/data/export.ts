import Papa from 'papaparse';
import type { Dataset } from './types';

/**
 * CSV with a header of the dataset's fields. Strings are written as they are (quoted when they
 * hold a delimiter, quote or newline); lists and dicts as JSON, which `parseDataset` reads back
 * as `list[str]` / `dict`; `null` as an empty cell. A CSV cell carries no type, so a `str`
 * column whose every value looks like a number or a boolean comes back typed as one: for an
 * exact round trip use JSONL. Cells are not prefixed against spreadsheet formula injection,
 * because that would change the values a DSPy script reads.
 */
export function toCSV(dataset: Dataset): string {
  const names = columnNames(dataset);
  const rows = dataset.rows.map((example) => names.map((name) => cellText(example.data[name])));
  return Papa.unparse({ fields: names, data: rows }, { newline: '\r\n', quotes: false }) + '\r\n';
}

/** One JSON object per row, keys in field order, each line ending in `\n`. */
export function toJSONL(dataset: Dataset): string {
  const names = columnNames(dataset);
  let out = '';
  for (const example of dataset.rows) {
    const ordered: Record<string, unknown> = {};
    // defineProperty, not assignment: a column named `__proto__` must stay a column.
    for (const name of names) {
      if (Object.hasOwn(example.data, name)) Object.defineProperty(ordered, name, { value: example.data[name], enumerable: true, writable: true, configurable: true });
    }
    out += `${JSON.stringify(ordered)}\n`;
  }
  return out;
}

/** The declared fields, then any key a row has beyond them, so nothing is dropped on export. */
function columnNames(dataset: Dataset): string[] {
  const names = dataset.fields.map((f) => f.name);
  const known = new Set(names);
  for (const example of dataset.rows) {
    for (const key of Object.keys(example.data)) {
      if (!known.has(key)) {
        known.add(key);
        names.push(key);
      }
    }
  }
  return names;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
