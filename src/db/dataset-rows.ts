import type { Dataset, Example } from '../core/data/types';
import { deletePages, pageKey, readIndex, readPageRange, writePages, type PageWriteOptions } from './dataset-pages';
import { DbConflictError } from './errors';
import { newId } from './ids';
import type { DatasetRecord, DatasetSummary, SplitCounts } from './records';
import type { StudioDb } from './schema';

// Helpers shared by the repositories. Each expects to run inside a transaction its caller
// opened over the tables it touches (datasets, datasetPages, datasetPageIndex), so a dataset
// and its rows change together or not at all.

export type { SplitCounts };

export interface WriteOptions {
  /** The fraction of rows written so far, after each chunk. */
  onProgress?: (fraction: number) => void;
  /** Rows per write (default 5,000, in whole pages): a long save reports progress between chunks. */
  chunkRows?: number;
  /** Rows per stored page (default PAGE_ROWS); tests use small pages. */
  pageRows?: number;
}

/** Throws a DbConflictError naming the first repeated row id. */
export function checkRowIds(name: string, rows: readonly Example[]): void {
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (seen.has(row.id)) throw new DbConflictError(`dataset ${JSON.stringify(name)}: row ${i + 1} repeats the row id ${JSON.stringify(row.id)}`);
    seen.add(row.id);
  }
}

/** Replaces the dataset with this id (summary and every row). */
export async function writeDataset(db: StudioDb, projectId: string, dataset: Dataset, at: number, options: WriteOptions = {}): Promise<void> {
  checkRowIds(dataset.name, dataset.rows);
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
  await deletePages(db, dataset.id);
  await db.datasets.put(summary);
  const pageOptions: PageWriteOptions = {};
  if (options.onProgress) pageOptions.onProgress = options.onProgress;
  if (options.chunkRows !== undefined) pageOptions.chunkRows = options.chunkRows;
  if (options.pageRows !== undefined) pageOptions.pageRows = options.pageRows;
  await writePages(db, dataset.id, dataset.rows, pageOptions);
}

export async function readRows(db: StudioDb, datasetId: string, offset = 0, limit = Infinity): Promise<Example[]> {
  return readPageRange(db, datasetId, offset, limit);
}

/** Rows per split, kept in the page index: one small read at any size. */
export async function countSplits(db: StudioDb, datasetId: string): Promise<SplitCounts> {
  return { ...(await readIndex(db, datasetId)).splits };
}

export async function readDataset(db: StudioDb, summary: DatasetSummary): Promise<DatasetRecord> {
  const { rowCount: _rowCount, ...rest } = summary;
  return { ...rest, rows: await readRows(db, summary.id) };
}

export async function deleteDatasetsOf(db: StudioDb, projectId: string): Promise<void> {
  const ids = await db.datasets.where('projectId').equals(projectId).primaryKeys();
  for (const id of ids) await deletePages(db, id);
  await db.datasets.bulkDelete(ids);
}

/** Copies every dataset of one project into another under fresh ids; returns old id → new id. */
export async function copyDatasetsInto(db: StudioDb, fromProject: string, toProject: string, at: number): Promise<Map<string, string>> {
  const mapping = new Map<string, string>();
  for (const summary of await db.datasets.where('projectId').equals(fromProject).toArray()) {
    const id = newId();
    mapping.set(summary.id, id);
    await db.datasets.add({ ...summary, id, projectId: toProject, updatedAt: at });
    const index = await readIndex(db, summary.id);
    // A page at a time: a big dataset is never held (or deserialized) whole.
    for (const page of index.counts.keys()) {
      const stored = await db.datasetPages.get(pageKey(summary.id, page));
      if (stored) await db.datasetPages.add({ ...stored, datasetId: id });
    }
    if (index.counts.length > 0) await db.datasetPageIndex.add({ ...index, datasetId: id });
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
