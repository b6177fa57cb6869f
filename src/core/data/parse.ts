import { hashSeed } from '../random';
import type { Field } from '../signature/types';
import { checkRequired, nameColumns } from './columns';
import type { RenameColumns } from './columns';
import { DEFAULT_MAX_BYTES, decodeFile } from './decode';
import type { RawFile } from './decode';
import { DataImportError, plural, quote } from './errors';
import type { ImportError } from './errors';
import { inferJsonColumn, inferTextColumn } from './infer';
import { parseCsv } from './parse-csv';
import { parseJson, parseJsonl } from './parse-json';
import { detectFormat } from './sniff';
import type { DataFormat } from './sniff';
import { throttledProgress } from './table';
import type { ProgressFn, RawTable } from './table';
import type { Dataset, Example } from './types';

export interface ParseOptions {
  /** Overrides the extension and content sniffing. */
  format?: DataFormat;
  /** Default 200 MB. */
  maxBytes?: number;
  /** Columns (final names, after renaming) the file must have. */
  requiredColumns?: string[];
  /** The program's input columns; default: every column but the last, which is the label. */
  inputKeys?: string[];
  /** See `RenameColumns`: a map from file column to field name, or `'auto'`. */
  renameColumns?: RenameColumns;
  /** The dataset id; default: derived from the file name and content. */
  id?: string;
  /** 0..1, at most ~100 calls; import is synchronous, so this is for callers in a worker. */
  onProgress?: ProgressFn;
}

export type ImportResult = { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; error: ImportError };

/**
 * Reads an uploaded CSV, JSON or JSONL file into a typed dataset. Never throws: every problem
 * comes back as an `ImportError` naming the file and, where known, the line, row and column.
 */
export function parseDataset(file: RawFile, options: ParseOptions = {}): ImportResult {
  try {
    return { ok: true, ...readDataset(file, options) };
  } catch (e) {
    if (e instanceof DataImportError) return { ok: false, error: e.detail };
    // A bug or an exhausted engine (e.g. out of memory) must still reach the user as a result.
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { file: file.name, message: `could not read the file: ${reason}` } };
  }
}

function readDataset(file: RawFile, options: ParseOptions): { dataset: Dataset; warnings: string[] } {
  const text = decodeFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  options.onProgress?.(0.05);
  const format = detectFormat(file.name, text, options.format);
  const table = parseTable(format, file.name, text, throttledProgress(options.onProgress, 0.05, 0.7));
  if (table.columns.length === 0) throw new DataImportError({ file: file.name, message: 'the rows have no columns' });

  const { names, warnings: namingWarnings } = nameColumns(file.name, table.columns, options.renameColumns);
  checkRequired(file.name, names, options.requiredColumns ?? [], 'required');
  const inputKeys = options.inputKeys ?? (names.length > 1 ? names.slice(0, -1) : names.slice());
  checkRequired(file.name, names, inputKeys, 'input');

  const warnings = [...table.warnings, ...namingWarnings];
  const { fields, rows } = typeRows(table, names, warnings, throttledProgress(options.onProgress, 0.7, 1));
  const dataset: Dataset = {
    id: options.id ?? `dataset-${hashSeed(`${file.name}\u0000${text}`).toString(16)}`,
    name: datasetName(file.name),
    fields,
    inputKeys,
    rows,
  };
  options.onProgress?.(1);
  return { dataset, warnings };
}

function parseTable(format: DataFormat, name: string, text: string, progress: ProgressFn): RawTable {
  switch (format) {
    case 'csv':
      return parseCsv(name, text, progress);
    case 'json':
      return parseJson(name, text, progress);
    case 'jsonl':
      return parseJsonl(name, text, progress);
    default: {
      const never: never = format;
      throw new DataImportError({ file: name, message: `unknown format ${String(never)}` });
    }
  }
}

function typeRows(table: RawTable, names: string[], warnings: string[], progress: ProgressFn): { fields: Field[]; rows: Example[] } {
  const columns = names.map((name, c) => {
    const values = table.rows.map((row) => row[c]);
    const column = table.source === 'text' ? inferTextColumn(values) : inferJsonColumn(values);
    if (column.mixed) warnings.push(`column ${quote(name)} mixes ${column.mixed.join(', ')} values; read it as str`);
    if (table.source === 'json') {
      const absent = values.reduce<number>((n, v) => (v === undefined ? n + 1 : n), 0);
      if (absent > 0) warnings.push(`column ${quote(name)} is missing from ${plural(absent, 'row')}; those values are null`);
    }
    return column;
  });

  const rows: Example[] = table.rows.map((raw, r) => {
    const data: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const name = names[c] as string;
      const value = column.coerce(raw[c]);
      // Assigning `__proto__` would set the prototype and lose the column: define it instead.
      if (name === '__proto__') Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true });
      else data[name] = value;
    });
    if (r % 1000 === 0) progress(r / table.rows.length);
    return { id: exampleId(r), data };
  });
  return { fields: columns.map((column, c) => ({ name: names[c] as string, type: column.type })), rows };
}

/** `data/qa.v2.csv` → `qa.v2`: the CLI passes paths, the browser bare names. */
function datasetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() || fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** Stable across re-imports of the same file, so trials can refer to examples by id. */
export function exampleId(rowIndex: number): string {
  return `row-${rowIndex + 1}`;
}
