import { splitCounts, type SplitFractions } from '../core/data/split';
import { Rng } from '../core/random';
import type { Example, Split } from '../core/data/types';
import { locateRow, pageKey, PAGE_ROWS, readIndex, storedRow, type RowPlace } from './dataset-pages';
import { DbConflictError, DbNotFoundError } from './errors';
import type { DatasetPageIndexRecord, DatasetPageRecord } from './records';
import type { StudioDb } from './schema';

// Single-row edits and whole-dataset split changes on paged rows. Each reads the page index
// and only the page it changes; the caller's transaction spans datasets, datasetPages and
// datasetPageIndex.

async function pageAt(db: StudioDb, datasetId: string, page: number): Promise<DatasetPageRecord> {
  const stored = await db.datasetPages.get(pageKey(datasetId, page));
  if (!stored) throw new DbNotFoundError(`datasetPages of ${datasetId}`, String(page));
  return stored;
}

async function placeOrThrow(db: StudioDb, datasetId: string, rowId: string): Promise<{ index: DatasetPageIndexRecord; place: RowPlace }> {
  const index = await readIndex(db, datasetId);
  const place = locateRow(index, rowId);
  if (!place) throw new DbNotFoundError(`rows of dataset ${datasetId}`, rowId);
  return { index, place };
}

/** Merges `data` into one row's values. */
export async function updateRowData(db: StudioDb, datasetId: string, rowId: string, data: Record<string, unknown>): Promise<void> {
  const { place } = await placeOrThrow(db, datasetId, rowId);
  const page = await pageAt(db, datasetId, place.page);
  const rows = page.rows.map((row, i) => (i === place.at ? { ...row, data: { ...row.data, ...data } } : row));
  await db.datasetPages.put({ ...page, rows });
}

/** Appends a row after the last one (on the last page, or a new page when that is full). */
export async function appendRow(db: StudioDb, datasetId: string, datasetName: string, example: Example): Promise<void> {
  const index = await readIndex(db, datasetId);
  if (locateRow(index, example.id)) {
    throw new DbConflictError(`dataset ${JSON.stringify(datasetName)} already has a row with id ${JSON.stringify(example.id)}`);
  }
  const row = storedRow(example);
  const last = index.counts.length - 1;
  const lastCount = index.counts[last] ?? PAGE_ROWS;
  if (lastCount >= PAGE_ROWS) {
    index.counts.push(1);
    index.ids.push(JSON.stringify([row.id]));
    await db.datasetPages.add({ datasetId, page: last + 1, rows: [row] });
  } else {
    const page = await pageAt(db, datasetId, last);
    index.counts[last] = lastCount + 1;
    index.ids[last] = JSON.stringify([...(JSON.parse(index.ids[last] ?? '[]') as string[]), row.id]);
    await db.datasetPages.put({ ...page, rows: [...page.rows, row] });
  }
  index.splits[row.split ?? 'none']++;
  await db.datasetPageIndex.put(index);
}

/** Deletes one row; its page stays (possibly empty), so later pages keep their numbers. */
export async function deleteRow(db: StudioDb, datasetId: string, rowId: string): Promise<void> {
  const { index, place } = await placeOrThrow(db, datasetId, rowId);
  const page = await pageAt(db, datasetId, place.page);
  const removed = page.rows[place.at];
  await db.datasetPages.put({ ...page, rows: page.rows.filter((_, i) => i !== place.at) });
  index.counts[place.page] = (index.counts[place.page] ?? 1) - 1;
  index.ids[place.page] = JSON.stringify(place.ids.filter((_, i) => i !== place.at));
  index.splits[removed?.split ?? 'none']--;
  await db.datasetPageIndex.put(index);
}

/**
 * The split of each of n rows, exactly as `splitDataset` assigns them (a seeded shuffle of the
 * positions cut into runs of `splitCounts` sizes; the test holds the two equal) but without an
 * object per row: the split depends only on the row count and the seed.
 */
function assignSplits(n: number, fractions: SplitFractions, seed: number): Split[] {
  const counts = splitCounts(n, fractions);
  const order = new Rng(seed).shuffle([...Array(n).keys()]);
  const assigned = new Array<Split>(n);
  let next = 0;
  for (const split of ['train', 'dev', 'test'] as const) {
    for (let k = 0; k < counts[split]; k++) assigned[order[next++] as number] = split;
  }
  return assigned;
}

/**
 * Assigns every row a split with `splitDataset` (seeded, so the same seed gives the same rows)
 * and rewrites the pages, a chunk at a time, with progress. Row order, ids and data stay.
 */
export async function rewriteSplits(
  db: StudioDb,
  datasetId: string,
  fractions: SplitFractions,
  seed: number,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const index = await readIndex(db, datasetId);
  const total = index.counts.reduce((a, b) => a + b, 0);
  const assigned = assignSplits(total, fractions, seed);
  const next: DatasetPageIndexRecord = { ...index, splits: { train: 0, dev: 0, test: 0, none: 0 } };
  let done = 0;
  for (const [page, count] of index.counts.entries()) {
    if (count === 0) continue;
    const stored = await pageAt(db, datasetId, page);
    const rows = stored.rows.map((row, i) => ({ ...row, split: assigned[done + i] as Split }));
    for (const row of rows) next.splits[row.split]++;
    await db.datasetPages.put({ ...stored, rows });
    done += count;
    onProgress?.(done / total);
  }
  await db.datasetPageIndex.put(next);
}
