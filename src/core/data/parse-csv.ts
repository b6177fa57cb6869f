import Papa from 'papaparse';
import { DataImportError, lineAt, plural, quote } from './errors';
import type { ImportError } from './errors';
import type { ProgressFn, RawTable } from './table';

/**
 * CSV with a header row: quoted fields may hold delimiters, quotes ("") and newlines; the
 * delimiter is detected (comma, tab, semicolon, pipe); blank lines are skipped. Every row must
 * have as many cells as the header — a short or long row usually means an unquoted delimiter,
 * and silently padding it would shift values into the wrong columns.
 */
export function parseCsv(file: string, text: string, onProgress?: ProgressFn): RawTable {
  let header: string[] | undefined;
  let headerLine = 1;
  const rows: string[][] = [];
  let failure: ImportError | undefined;
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    step(result, parser) {
      const start = skipBlank(text, rowStart);
      rowStart = result.meta.cursor;
      const row = header ? rows.length + 1 : 0;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        failure = quoteProblem(file, lineAt(text, start, newlineOf(result.meta.linebreak)), row, quoteError.code);
        parser.abort();
        return;
      }
      if (!header) {
        headerLine = lineAt(text, start, newlineOf(result.meta.linebreak));
        const checked = checkHeader(file, headerLine, result.data);
        if ('error' in checked) {
          failure = checked.error;
          parser.abort();
          return;
        }
        header = checked.columns;
        return;
      }
      if (result.data.length !== header.length) {
        failure = {
          file,
          line: lineAt(text, start, newlineOf(result.meta.linebreak)),
          row,
          message: `row ${row} has ${plural(result.data.length, 'cell')}, the header has ${header.length}`,
        };
        parser.abort();
        return;
      }
      rows.push(result.data);
      if (onProgress && rows.length % 1000 === 0) onProgress(rowStart / text.length);
    },
  });

  if (failure) throw new DataImportError(failure);
  if (!header) throw new DataImportError({ file, message: 'the file has no header row' });
  if (rows.length === 0) {
    throw new DataImportError({ file, line: headerLine, message: 'the file has a header row but no data rows' });
  }
  onProgress?.(1);
  return { source: 'text', columns: header, rows, warnings: [] };
}

function quoteProblem(file: string, line: number, row: number, code: string): ImportError {
  const what = row === 0 ? 'the header row' : `row ${row}`;
  const message =
    code === 'MissingQuotes'
      ? `${what} opens a quoted cell that is never closed`
      : `${what} has a malformed quoted cell (a quote inside a quoted cell must be doubled: "")`;
  return { file, line, ...(row > 0 ? { row } : {}), message };
}

function checkHeader(file: string, line: number, cells: string[]): { columns: string[] } | { error: ImportError } {
  const columns = cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  for (const [i, name] of columns.entries()) {
    if (name === '') {
      return { error: { file, line, message: `column ${i + 1} of the header is empty; give every column a name` } };
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return {
        error: {
          file,
          line,
          column: name,
          message: `columns ${earlier + 1} and ${i + 1} of the header are both named ${quote(name)}; column names must be unique`,
        },
      };
    }
    seen.set(name, i);
  }
  return { columns };
}

/** Papa's cursor sits just past the previous row; skipped blank lines lie between. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c !== '\n' && c !== '\r' && c !== ' ' && c !== '\t') break;
    i++;
  }
  return i;
}

/** Lines are counted by `\n`, which also covers `\r\n`; only a bare-`\r` file needs `\r`. */
function newlineOf(linebreak: string): string {
  return linebreak === '\r' ? '\r' : '\n';
}
