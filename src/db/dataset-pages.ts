import type { Table, Transaction } from 'dexie';
import type { Example } from '../core/data/types';
import type { DatasetPageIndexRecord, DatasetPageRecord, DatasetRowRecord, SplitCounts } from './records';
import type { StudioDb } from './schema';

// Dataset rows live in pages of PAGE_ROWS rows (schema v3): a 100k-row dataset is 100 records,
// not 100,000, so a save is a hundred puts and a grid window reads one or two pages. Each
// function expects a transaction its caller opened over datasetPages and datasetPageIndex.

/** Rows per page when a dataset is written whole. */
export const PAGE_ROWS = 1000;

export const noSplits = (): SplitCounts => ({ train: 0, dev: 0, test: 0, none: 0 });

/** The row as stored: no `split` key at all when it has none (stored bytes stay canonical). */
export function storedRow(example: Example): Example {
  const row: Example = { id: example.id, data: example.data };
  if (example.split !== undefined) row.split = example.split;
  return row;
}

export const pageKey = (datasetId: string, page: number): [string, number] => [datasetId, page];

/** Every page of the dataset, by key range (never reads a row). */
export function pagesOf(db: StudioDb, datasetId: string) {
  return db.datasetPages.where('[datasetId+page]').between([datasetId, -Infinity], [datasetId, Infinity]);
}

/** The dataset's page index; an empty one when it has no rows stored. */
export async function readIndex(db: StudioDb, datasetId: string): Promise<DatasetPageIndexRecord> {
  return (await db.datasetPageIndex.get(datasetId)) ?? { datasetId, counts: [], ids: [], splits: noSplits() };
}

export interface RowPlace {
  page: number;
  /** The row's position on its page. */
  at: number;
  /** The page's row ids, parsed. */
  ids: string[];
}

/** Where the row with this id is, reading only the index (and parsing one page's ids). */
export function locateRow(index: DatasetPageIndexRecord, rowId: string): RowPlace | undefined {
  // A cheap text search picks the candidate pages; the parse confirms (a quoted id could also
  // match across two neighbouring ids' text).
  const needle = JSON.stringify(rowId);
  for (const [page, text] of index.ids.entries()) {
    if (!text.includes(needle)) continue;
    const ids = JSON.parse(text) as string[];
    const at = ids.indexOf(rowId);
    if (at >= 0) return { page, at, ids };
  }
  return undefined;
}

export interface PageWriteOptions {
  /** Rows per page (default PAGE_ROWS). */
  pageRows?: number;
  /** Rows per bulkPut (default 5,000, rounded to whole pages): progress is reported after each. */
  chunkRows?: number;
  onProgress?: (fraction: number) => void;
}

/** The pages and index that hold `rows` (no I/O). */
export function buildPages(datasetId: string, rows: readonly Example[], pageRows = PAGE_ROWS): { pages: DatasetPageRecord[]; index: DatasetPageIndexRecord } {
  const index: DatasetPageIndexRecord = { datasetId, counts: [], ids: [], splits: noSplits() };
  const pages: DatasetPageRecord[] = [];
  for (let start = 0; start < rows.length; start += pageRows) {
    const page = rows.slice(start, start + pageRows).map(storedRow);
    for (const row of page) index.splits[row.split ?? 'none']++;
    index.counts.push(page.length);
    index.ids.push(JSON.stringify(page.map((r) => r.id)));
    pages.push({ datasetId, page: pages.length, rows: page });
  }
  return { pages, index };
}

/**
 * Writes `rows` as the dataset's only pages, and its index. The caller has deleted any old
 * pages. Pages go out in chunks, each awaited, so a big write never serializes every row in one
 * task, and progress is reported between chunks.
 */
export async function writePages(db: StudioDb, datasetId: string, rows: readonly Example[], options: PageWriteOptions = {}): Promise<void> {
  const { pageRows = PAGE_ROWS, chunkRows = 5000, onProgress } = options;
  const { pages, index } = buildPages(datasetId, rows, pageRows);
  const perChunk = Math.max(1, Math.round(chunkRows / pageRows));
  let written = 0;
  for (let start = 0; start < pages.length; start += perChunk) {
    const chunk = pages.slice(start, start + perChunk);
    await db.datasetPages.bulkAdd(chunk);
    for (const page of chunk) written += page.rows.length;
    onProgress?.(written / rows.length);
  }
  await db.datasetPageIndex.put(index);
}

/** Rows [offset, offset + limit) in order, reading only the pages that hold them (one get each). */
export async function readPageRange(db: StudioDb, datasetId: string, offset: number, limit: number): Promise<Example[]> {
  const { counts } = await readIndex(db, datasetId);
  const out: Example[] = [];
  let first = 0;
  for (const [page, count] of counts.entries()) {
    if (out.length >= limit) break;
    const last = first + count;
    if (count > 0 && last > offset) {
      const stored = await db.datasetPages.get(pageKey(datasetId, page));
      const rows = stored?.rows ?? [];
      const from = Math.max(0, offset - first);
      out.push(...rows.slice(from, from + (limit - out.length)));
    }
    first = last;
  }
  return out;
}

/** Deletes the dataset's pages and index. */
export async function deletePages(db: StudioDb, datasetId: string): Promise<void> {
  await pagesOf(db, datasetId).delete();
  await db.datasetPageIndex.delete(datasetId);
}

/**
 * Schema v3's upgrade: every v1/v2 row record moves into pages, in its old order; the old
 * table is dropped after this returns (Dexie keeps it readable during the upgrade).
 */
export async function moveRowsIntoPages(tx: Transaction): Promise<void> {
  const old = tx.table('datasetRows') as Table<DatasetRowRecord, [string, string]>;
  const byDataset = new Map<string, Example[]>();
  await old.orderBy('[datasetId+order]').each((row) => {
    let rows = byDataset.get(row.datasetId);
    if (!rows) byDataset.set(row.datasetId, (rows = []));
    rows.push({ id: row.rowId, data: row.data, ...(row.split !== undefined ? { split: row.split } : {}) });
  });
  // Table names as in TABLES (frozen); schema.ts imports this module, so not imported from there.
  const pageTable = tx.table('datasetPages') as Table<DatasetPageRecord, [string, number]>;
  const indexTable = tx.table('datasetPageIndex') as Table<DatasetPageIndexRecord, string>;
  for (const [datasetId, rows] of byDataset) {
    const { pages, index } = buildPages(datasetId, rows);
    // Five pages per write, so the upgrade of a big dataset never serializes it in one task.
    for (let start = 0; start < pages.length; start += 5) await pageTable.bulkAdd(pages.slice(start, start + 5));
    await indexTable.add(index);
  }
}
