import { DataImportError, quote } from './errors';
import { identifierProblem, suggestIdentifier } from './identifiers';

/**
 * How to treat column names that are not Python identifiers. Our call: reject by default,
 * naming the column and a suggested identifier, because a silent rename would make the
 * studio's field names disagree with the user's file and any code that reads it. The caller
 * (the upload dialog) can then retry with an explicit map, or with `'auto'` to accept every
 * suggestion; each rename is reported as a warning.
 */
export type RenameColumns = Record<string, string> | 'auto';

export interface ColumnNaming {
  /** Final names, aligned with the file's columns. */
  names: string[];
  warnings: string[];
}

export function nameColumns(file: string, columns: readonly string[], rename: RenameColumns | undefined): ColumnNaming {
  const warnings: string[] = [];
  const names = columns.map((original, i) => {
    const wanted = rename === 'auto' || rename === undefined ? undefined : rename[original];
    const name = wanted ?? original;
    const problem = identifierProblem(name);
    if (problem === undefined) return name;
    if (rename === 'auto') {
      return suggestIdentifier(name, `column_${i + 1}`);
    }
    const source = wanted === undefined ? '' : ` (renamed from ${quote(original)})`;
    throw new DataImportError({
      file,
      column: original,
      message:
        `column ${quote(name)}${source} ${problem}; field names must be Python identifiers ` +
        `(letters, digits and _, not starting with a digit). Rename it, e.g. to ${quote(suggestIdentifier(name, `column_${i + 1}`))}, ` +
        'in the file or with the renameColumns option',
    });
  });

  if (rename !== undefined && rename !== 'auto') {
    const unknown = Object.keys(rename).filter((k) => !columns.includes(k));
    if (unknown.length > 0) warnings.push(`renameColumns names columns the file does not have: ${unknown.map((k) => quote(k)).join(', ')}`);
  }
  const unique = dedupe(file, columns, names, rename === 'auto');
  if (rename === 'auto') {
    for (const [i, name] of unique.entries()) {
      const original = columns[i] as string;
      if (name !== original) warnings.push(`renamed column ${quote(original)} to ${quote(name)}: field names must be unique Python identifiers`);
    }
  }
  return { names: unique, warnings };
}

/**
 * Renaming can collide (`First Name` and `first_name`). Columns that kept their name claim it
 * first; with `'auto'` a renamed one then takes a numbered suffix, otherwise it is an error.
 */
function dedupe(file: string, columns: readonly string[], names: string[], auto: boolean): string[] {
  const out = names.slice();
  const taken = new Set<string>();
  const order = [...names.keys()].sort((a, b) => Number(names[a] !== columns[a]) - Number(names[b] !== columns[b]));
  for (const i of order) {
    const name = names[i] as string;
    if (!taken.has(name)) {
      taken.add(name);
      continue;
    }
    if (!auto) {
      throw new DataImportError({
        file,
        column: columns[i] as string,
        message: `two columns would both be named ${quote(name)}; column names must be unique`,
      });
    }
    let k = 2;
    while (taken.has(`${name}_${k}`)) k++;
    const unique = `${name}_${k}`;
    taken.add(unique);
    out[i] = unique;
  }
  return out;
}

export function checkRequired(file: string, names: readonly string[], required: readonly string[], what: string): void {
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length === 0) return;
  const list = (xs: readonly string[]) => xs.map((x) => quote(x)).join(', ');
  throw new DataImportError({
    file,
    column: missing[0] as string,
    message: `missing ${what} ${missing.length === 1 ? 'column' : 'columns'} ${list(missing)}; the columns found are ${list(names)}`,
  });
}
