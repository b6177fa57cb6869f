/**
 * What went wrong with an uploaded file, precise enough for a person to open the file and fix
 * it: the file name always, and the line, row and column when they are known.
 */
export interface ImportError {
  file: string;
  /** 1-based line in the file (a CSV row with a quoted newline spans several lines). */
  line?: number;
  /** 1-based data row; the CSV header is not a row. */
  row?: number;
  column?: string;
  message: string;
}

/** "data.csv, line 7: row 6 has 4 cells, the header has 3" */
export function formatImportError(error: ImportError): string {
  const where = error.line === undefined ? error.file : `${error.file}, line ${error.line}`;
  return `${where}: ${error.message}`;
}

/**
 * Thrown inside the import pipeline and caught once in `parseDataset`, which turns it into an
 * `{ ok: false }` result: the stages stay linear instead of threading results through each.
 */
export class DataImportError extends Error {
  override readonly name = 'DataImportError';
  constructor(readonly detail: ImportError) {
    super(formatImportError(detail));
  }
}

/** The 1-based line of a UTF-16 offset in `text` (`newline` is `\r` for old Mac files). */
export function lineAt(text: string, offset: number, newline = '\n'): number {
  let line = 1;
  let from = 0;
  for (;;) {
    const next = text.indexOf(newline, from);
    if (next === -1 || next >= offset) return line;
    line++;
    from = next + 1;
  }
}

/** The 1-based line and column of a UTF-16 offset in `text`. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const line = lineAt(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}

/** A value shown in a message: quoted, and cut short so one bad cell cannot flood the UI. */
export function quote(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
