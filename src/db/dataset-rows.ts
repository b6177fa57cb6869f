import type { Dataset, Example, Split } from '../core/data/types';
import { DbConflictError } from './errors';
import { newId } from './ids';
import type { DatasetRecord, DatasetRowRecord, DatasetSummary } from './records';
import type { StudioDb } from './schema';

// Helpers shared by the repositories. Each expects to run inside a transaction its caller
// opened over the tables it touches, so a dataset and its rows change together or not at all.

export function toRowRecord(datasetId: string, example: Example, order: number): DatasetRowRecord {
  const row: DatasetRowRecord = { datasetId, rowId: example.id, order, data: example.data };
  if (example.split !== undefined) row.split = example.split;
  return row;
}

export function toExample(row: DatasetRowRecord): Example {
  const example: Example = { id: row.rowId, data: row.data };
  if (row.split !== undefined) example.split = row.split;
  return example;
}

export interface WriteOptions {
  /** The fraction of rows written so far, after each chunk. */
  onProgress?: (fraction: number) => void;
  /** Rows per bulkAdd (default 5,000): a long save reports progress between chunks. */
  chunkRows?: number;
}

/** Replaces the dataset with this id (summary and every row). */
export async function writeDataset(db: StudioDb, projectId: string, dataset: Dataset, at: number, options: WriteOptions = {}): Promise<void> {
  const { onProgress, chunkRows = 5000 } = options;
  const seen = new Set<string>();
  for (const [i, row] of dataset.rows.entries()) {
    if (seen.has(row.id)) throw new DbConflictError(`dataset ${JSON.stringify(dataset.name)}: row ${i + 1} repeats the row id ${JSON.stringify(row.id)}`);
    seen.add(row.id);
  }
  const existing = await db.datasets.get(dataset.id);
  if (existing && existing.projectId !== projectId) {
    throw new DbConflictError(`dataset id ${JSON.stringify(dataset.id)} already belongs to another project`);
  }
  const summary: DatasetSummary = {
    id: dataset.id,
    projectId,
    name: dataset.name,
    fields: dataset.fields,
    inputKeys: dataset.inputKeys,
    rowCount: dataset.rows.length,
    updatedAt: at,
  };
  await db.datasetRows.where('datasetId').equals(dataset.id).delete();
  await db.datasets.put(summary);
  const total = dataset.rows.length;
  for (let start = 0; start < total; start += chunkRows) {
    const end = Math.min(total, start + chunkRows);
    const chunk: DatasetRowRecord[] = [];
    for (let i = start; i < end; i++) chunk.push(toRowRecord(dataset.id, dataset.rows[i] as Example, i));
    await db.datasetRows.bulkAdd(chunk);
    onProgress?.(end / total);
  }
}

export async function readRows(db: StudioDb, datasetId: string, offset = 0, limit = Infinity): Promise<Example[]> {
  let query = db.datasetRows.where('[datasetId+order]').between([datasetId, -Infinity], [datasetId, Infinity]).offset(offset);
  if (Number.isFinite(limit)) query = query.limit(limit);
  return (await query.toArray()).map(toExample);
}

export type SplitCounts = Record<Split | 'none', number>;

/**
 * Rows per split, read in pages by the [datasetId+order] key (each page one getAll, resumed
 * after the last order seen), so a 100k-row dataset is never deserialized in one go.
 */
export async function countSplits(db: StudioDb, datasetId: string, page = 5000): Promise<SplitCounts> {
  const counts: SplitCounts = { train: 0, dev: 0, test: 0, none: 0 };
  let after = -Infinity;
  for (;;) {
    const rows = await db.datasetRows.where('[datasetId+order]').between([datasetId, after], [datasetId, Infinity], false, true).limit(page).toArray();
    for (const r of rows) counts[r.split ?? 'none']++;
    const last = rows.at(-1);
    if (rows.length < page || !last) return counts;
    after = last.order;
  }
}

export async function readDataset(db: StudioDb, summary: DatasetSummary): Promise<DatasetRecord> {
  const { rowCount: _rowCount, ...rest } = summary;
  return { ...rest, rows: await readRows(db, summary.id) };
}

export async function deleteDatasetsOf(db: StudioDb, projectId: string): Promise<void> {
  const ids = await db.datasets.where('projectId').equals(projectId).primaryKeys();
  await db.datasetRows.where('datasetId').anyOf(ids).delete();
  await db.datasets.bulkDelete(ids);
}

/** Copies every dataset of one project into another under fresh ids; returns old id → new id. */
export async function copyDatasetsInto(db: StudioDb, fromProject: string, toProject: string, at: number): Promise<Map<string, string>> {
  const mapping = new Map<string, string>();
  for (const summary of await db.datasets.where('projectId').equals(fromProject).toArray()) {
    const id = newId();
    mapping.set(summary.id, id);
    await db.datasets.add({ ...summary, id, projectId: toProject, updatedAt: at });
    const rows = await db.datasetRows.where('datasetId').equals(summary.id).toArray();
    await db.datasetRows.bulkAdd(rows.map((row) => ({ ...row, datasetId: id })));
  }
  return mapping;
}

/** Settings may name a dataset by id; after ids change, those references follow. */
export function remapIds<T>(value: T, mapping: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (mapping.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => remapIds(v, mapping)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, mapping)])) as T;
  }
  return value;
}
