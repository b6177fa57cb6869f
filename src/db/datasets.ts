import type { SplitFractions } from '../core/data/split';
import type { Dataset, Example } from '../core/data/types';
import { DbNotFoundError, guardWrite } from './errors';
import { deletePages, locateRow, pageKey, readIndex } from './dataset-pages';
import { appendRow, deleteRow, rewriteSplits, updateRowData } from './dataset-row-edits';
import { countSplits, readDataset, readRows, writeDataset, type SplitCounts, type WriteOptions } from './dataset-rows';
import type { DatasetRecord, DatasetSummary } from './records';
import type { StudioDb } from './schema';

export interface RowPage {
  offset: number;
  limit: number;
}

export interface DatasetsRepository {
  /** Every dataset of a project, rows included. */
  listFor(projectId: string): Promise<DatasetRecord[]>;
  /** Every dataset of a project without rows (for lists; cheap at any size). */
  summariesFor(projectId: string): Promise<DatasetSummary[]>;
  get(id: string): Promise<DatasetRecord | undefined>;
  /** A window of rows in order, for a virtualized grid. */
  rows(datasetId: string, page: RowPage): Promise<Example[]>;
  /** One row by id (reads the page index and the one page that holds it), or undefined. */
  row(datasetId: string, rowId: string): Promise<Example | undefined>;
  /** How many rows each split has (kept in the page index: one small read at any size). */
  splitCounts(datasetId: string): Promise<SplitCounts>;
  /**
   * Creates or wholly replaces the dataset with `dataset.id`, in one transaction (all or
   * nothing), rows in chunks with progress after each.
   */
  put(projectId: string, dataset: Dataset, options?: WriteOptions): Promise<void>;
  /** Merges `data` into the row's values (a cell edit passes one field). */
  updateRow(datasetId: string, rowId: string, data: Record<string, unknown>): Promise<void>;
  /** Appends a row; its id must be new to the dataset. */
  addRow(datasetId: string, row: Example): Promise<void>;
  removeRow(datasetId: string, rowId: string): Promise<void>;
  /**
   * Gives every row a seeded train/dev/test split (`splitDataset`), rewriting the pages a page
   * at a time in one transaction; order, ids and values stay. Run it off the main thread for
   * big datasets (the dataset worker does).
   */
  applySplit(datasetId: string, fractions: SplitFractions, seed: number, onProgress?: (fraction: number) => void): Promise<void>;
  remove(id: string): Promise<void>;
}

export function datasetsRepository(getDb: () => StudioDb, now: () => number = Date.now): DatasetsRepository {
  async function summaryOrThrow(db: StudioDb, id: string): Promise<DatasetSummary> {
    const summary = await db.datasets.get(id);
    if (!summary) throw new DbNotFoundError('datasets', id);
    return summary;
  }
  const rowTables = (db: StudioDb) => [db.datasets, db.datasetPages, db.datasetPageIndex];

  return {
    async listFor(projectId) {
      const db = getDb();
      return db.transaction('r', rowTables(db), async () => {
        const summaries = await db.datasets.where('projectId').equals(projectId).sortBy('name');
        return Promise.all(summaries.map((s) => readDataset(db, s)));
      });
    },

    async summariesFor(projectId) {
      return getDb().datasets.where('projectId').equals(projectId).sortBy('name');
    },

    async get(id) {
      const db = getDb();
      return db.transaction('r', rowTables(db), async () => {
        const summary = await db.datasets.get(id);
        return summary ? readDataset(db, summary) : undefined;
      });
    },

    async rows(datasetId, page) {
      const db = getDb();
      return db.transaction('r', [db.datasetPages, db.datasetPageIndex], () => readRows(db, datasetId, page.offset, page.limit));
    },

    async row(datasetId, rowId) {
      const db = getDb();
      return db.transaction('r', [db.datasetPages, db.datasetPageIndex], async () => {
        const place = locateRow(await readIndex(db, datasetId), rowId);
        if (!place) return undefined;
        return (await db.datasetPages.get(pageKey(datasetId, place.page)))?.rows[place.at];
      });
    },

    async splitCounts(datasetId) {
      return countSplits(getDb(), datasetId);
    },

    async put(projectId, dataset, options) {
      const db = getDb();
      await guardWrite(`save dataset ${JSON.stringify(dataset.name)} (${dataset.rows.length} rows)`, () =>
        db.transaction('rw', [db.projects, ...rowTables(db)], async () => {
          if (!(await db.projects.get(projectId))) throw new DbNotFoundError('projects', projectId);
          await writeDataset(db, projectId, dataset, now(), options);
        }),
      );
    },

    async updateRow(datasetId, rowId, data) {
      const db = getDb();
      await guardWrite(`edit row ${rowId} of dataset ${datasetId}`, () =>
        db.transaction('rw', rowTables(db), async () => {
          await summaryOrThrow(db, datasetId);
          await updateRowData(db, datasetId, rowId, data);
          await db.datasets.update(datasetId, { updatedAt: now() });
        }),
      );
    },

    async addRow(datasetId, example) {
      const db = getDb();
      await guardWrite(`add a row to dataset ${datasetId}`, () =>
        db.transaction('rw', rowTables(db), async () => {
          const summary = await summaryOrThrow(db, datasetId);
          await appendRow(db, datasetId, summary.name, example);
          await db.datasets.update(datasetId, { rowCount: summary.rowCount + 1, updatedAt: now() });
        }),
      );
    },

    async removeRow(datasetId, rowId) {
      const db = getDb();
      await guardWrite(`delete row ${rowId} of dataset ${datasetId}`, () =>
        db.transaction('rw', rowTables(db), async () => {
          const summary = await summaryOrThrow(db, datasetId);
          await deleteRow(db, datasetId, rowId);
          await db.datasets.update(datasetId, { rowCount: summary.rowCount - 1, updatedAt: now() });
        }),
      );
    },

    async applySplit(datasetId, fractions, seed, onProgress) {
      const db = getDb();
      await guardWrite(`split dataset ${datasetId}`, () =>
        db.transaction('rw', rowTables(db), async () => {
          await summaryOrThrow(db, datasetId);
          await rewriteSplits(db, datasetId, fractions, seed, onProgress);
          await db.datasets.update(datasetId, { updatedAt: now() });
        }),
      );
    },

    async remove(id) {
      const db = getDb();
      await guardWrite(`delete dataset ${id}`, () =>
        db.transaction('rw', rowTables(db), async () => {
          await deletePages(db, id);
          await db.datasets.delete(id);
        }),
      );
    },
  };
}
