import { DataImportError, lineAndColumnAt, plural, quote } from './errors';
import { locateJsonError } from './json-locate';
import { firstTooDeep, MAX_NESTING } from '../nesting';
import type { ProgressFn, RawTable } from './table';

/** A JSON array of objects, or an object with exactly one array-valued property holding them. */
export function parseJson(file: string, text: string, onProgress?: ProgressFn): RawTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DataImportError(jsonSyntaxError(file, text, e));
  }
  onProgress?.(0.5);
  const warnings: string[] = [];
  const items = rowsOf(file, parsed, warnings);
  const objects = items.map((item, i) => asRecord(file, item, { row: i + 1 }));
  onProgress?.(1);
  return { ...tabulate(objects), warnings };
}

/** One JSON object per line; blank lines are allowed and skipped. */
export function parseJsonl(file: string, text: string, onProgress?: ProgressFn): RawTable {
  const objects: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const problem = locateJsonError(line);
      // Report the column in the untrimmed line the user sees in an editor.
      const column = problem ? problem.offset + (raw.length - raw.trimStart().length) + 1 : undefined;
      throw new DataImportError({
        file,
        line: i + 1,
        row: objects.length + 1,
        message:
          `row ${objects.length + 1} is not valid JSON` +
          (problem ? ` at column ${column}: ${problem.message}` : `: ${errorText(e)}`),
      });
    }
    objects.push(asRecord(file, value, { row: objects.length + 1, line: i + 1 }));
    if (onProgress && objects.length % 1000 === 0) onProgress(i / lines.length);
  }
  if (objects.length === 0) throw new DataImportError({ file, message: 'the file has no rows' });
  onProgress?.(1);
  return { ...tabulate(objects), warnings: [] };
}

function jsonSyntaxError(file: string, text: string, cause: unknown) {
  const problem = locateJsonError(text);
  if (!problem) return { file, message: `the file is not valid JSON: ${errorText(cause)}` };
  const { line, column } = lineAndColumnAt(text, problem.offset);
  const hint = /after the end of the JSON value/.test(problem.message) && line > 1
    ? ' (one JSON object per line is JSONL: name the file .jsonl)'
    : '';
  return { file, line, message: `the file is not valid JSON at column ${column}: ${problem.message}${hint}` };
}

function rowsOf(file: string, parsed: unknown, warnings: string[]): unknown[] {
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) throw new DataImportError({ file, message: 'the file holds an empty array: no rows' });
    return parsed;
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const keys = Object.keys(parsed);
    const arrays = keys.filter((k) => Array.isArray((parsed as Record<string, unknown>)[k]));
    if (arrays.length === 1) {
      const key = arrays[0] as string;
      const others = keys.filter((k) => k !== key);
      if (others.length > 0) warnings.push(`read the rows from ${quote(key)}; ignored ${others.map((k) => quote(k)).join(', ')}`);
      const rows = (parsed as Record<string, unknown[]>)[key] ?? [];
      if (rows.length === 0) throw new DataImportError({ file, message: `the array ${quote(key)} is empty: no rows` });
      return rows;
    }
    const found = arrays.length === 0 ? 'no array property' : `several: ${arrays.map((k) => quote(k)).join(', ')}`;
    throw new DataImportError({
      file,
      message: `expected an array of objects, or an object with one array property holding them; found an object with ${found}`,
    });
  }
  throw new DataImportError({ file, message: `expected an array of objects, found ${kindOf(parsed)}` });
}

function asRecord(file: string, value: unknown, at: { row: number; line?: number }): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // Typing and storing a cell recurse into it: refuse what would overflow the stack there.
    const deep = firstTooDeep(value, MAX_NESTING);
    if (deep === undefined) return value as Record<string, unknown>;
    const column = deep.split('.')[0] as string;
    throw new DataImportError({ file, ...at, column, message: `row ${at.row}, column ${quote(column)}: the value is nested more than ${MAX_NESTING} levels deep` });
  }
  throw new DataImportError({
    file,
    ...at,
    message: `row ${at.row} is ${kindOf(value)}; every row must be an object of column values, like {"question": "...", "answer": "..."}`,
  });
}

/** Columns in first-seen order; a key missing from a row reads as absent (undefined). */
function tabulate(objects: Record<string, unknown>[]): Pick<RawTable, 'source' | 'columns' | 'rows'> {
  const index = new Map<string, number>();
  for (const obj of objects) for (const key of Object.keys(obj)) if (!index.has(key)) index.set(key, index.size);
  const columns = [...index.keys()];
  const rows = objects.map((obj) => columns.map((c) => (Object.hasOwn(obj, c) ? obj[c] : undefined)));
  return { source: 'json', columns, rows };
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${plural(value.length, 'item')})`;
  if (typeof value === 'string') return `a string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${String(value)})`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
