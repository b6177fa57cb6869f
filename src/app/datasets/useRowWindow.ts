import { useLiveQuery } from 'dexie-react-hooks';
import type { Example } from '../../core/data/types';
import { datasets, type RowPage } from '../../db';

/** Rows are read in pages of this many; the window reaches one page past the rows in view. */
export const PAGE_ROWS = 100;

/** The page-aligned range of rows to read for rows [first, end) in view, with a page of margin each side. */
export function rowWindow(first: number, end: number, rowCount: number, page = PAGE_ROWS): RowPage {
  const offset = Math.max(0, (Math.floor(first / page) - 1) * page);
  const stop = Math.min(rowCount, (Math.ceil(end / page) + 1) * page);
  return { offset, limit: Math.max(0, stop - offset) };
}

/**
 * The rows of one dataset around the rows in view, live from IndexedDB (an edit re-reads only
 * this window). Returns a lookup by row position; undefined while that row's page loads. Until a
 * new window arrives the previous one keeps answering, so scrolling does not blank the grid.
 */
export function useRowWindow(datasetId: string, rowCount: number, first: number, end: number): (index: number) => Example | undefined {
  const { offset, limit } = rowWindow(first, end, rowCount);
  const loaded = useLiveQuery(async () => ({ datasetId, offset, rows: await datasets.rows(datasetId, { offset, limit }) }), [datasetId, offset, limit]);
  return (index) => (loaded && loaded.datasetId === datasetId ? loaded.rows[index - loaded.offset] : undefined);
}
