import type { Dataset } from '../../core/data/types';
import type { Field } from '../../core/signature/types';

/** Program field name → dataset column that feeds it (undefined: not mapped yet). */
export type ColumnMapping = Record<string, string | undefined>;

export interface ProgramFields {
  inputs: Field[];
  labels: Field[];
}

/** Starts every program field on the column of the same name, when there is one. */
export function initialMapping(dataset: Dataset, program: ProgramFields): ColumnMapping {
  const columns = new Set(dataset.fields.map((f) => f.name));
  return Object.fromEntries([...program.inputs, ...program.labels].map((f) => [f.name, columns.has(f.name) ? f.name : undefined]));
}

/** What still blocks saving: every input needs a column, and no column may feed two fields. */
export function mappingProblems(mapping: ColumnMapping, program: ProgramFields): string[] {
  const problems: string[] = [];
  for (const f of program.inputs) if (!mapping[f.name]) problems.push(`input field '${f.name}' has no column`);
  const used = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!column) continue;
    const other = used.get(column);
    if (other) problems.push(`column '${column}' feeds both '${other}' and '${field}'`);
    used.set(column, field);
  }
  return problems;
}

/**
 * Renames mapped columns to the program's field names, keeps unmapped columns as they are (a
 * name clash with a program field drops the unmapped one), and marks the program inputs.
 */
export function applyMapping(dataset: Dataset, mapping: ColumnMapping, program: ProgramFields): Dataset {
  const fieldOf = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping)) if (column) fieldOf.set(column, field);
  const taken = new Set(fieldOf.values());
  const keep = (column: string) => fieldOf.has(column) || !taken.has(column);
  const rename = (column: string) => fieldOf.get(column) ?? column;
  return {
    ...dataset,
    fields: dataset.fields.filter((f) => keep(f.name)).map((f) => ({ ...f, name: rename(f.name) })),
    inputKeys: program.inputs.map((f) => f.name).filter((name) => taken.has(name)),
    rows: dataset.rows.map((row) => ({
      ...row,
      data: Object.fromEntries(Object.entries(row.data).filter(([k]) => keep(k)).map(([k, v]) => [rename(k), v])),
    })),
  };
}
