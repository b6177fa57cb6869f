import type { Dataset, Example } from '../core/data/types';
import { DbConflictError, DbNotFoundError, guardWrite } from './errors';
import { countSplits, readDataset, readRows, toRowRecord, writeDataset, type SplitCounts, type WriteOptions } from './dataset-rows';
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
  /** How many rows each split has (paged reads: cheap on the main thread at any size). */
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
  remove(id: string): Promise<void>;
}

export function datasetsRepository(getDb: () => StudioDb, now: () => number = Date.now): DatasetsRepository {
  async function summaryOrThrow(db: StudioDb, id: string): Promise<DatasetSummary> {
    const summary = await db.datasets.get(id);
    if (!summary) throw new DbNotFoundError('datasets', id);
    return summary;
  }

  return {
    async listFor(projectId) {
      const db = getDb();
      return db.transaction('r', [db.datasets, db.datasetRows], async () => {
        const summaries = await db.datasets.where('projectId').equals(projectId).sortBy('name');
        return Promise.all(summaries.map((s) => readDataset(db, s)));
      });
    },

    async summariesFor(projectId) {
      return getDb().datasets.where('projectId').equals(projectId).sortBy('name');
    },

    async get(id) {
      const db = getDb();
      return db.transaction('r', [db.datasets, db.datasetRows], async () => {
        const summary = await db.datasets.get(id);
        return summary ? readDataset(db, summary) : undefined;
      });
    },

    async rows(datasetId, page) {
      return readRows(getDb(), datasetId, page.offset, page.limit);
    },

    async splitCounts(datasetId) {
      return countSplits(getDb(), datasetId);
    },

    async put(projectId, dataset, options) {
      const db = getDb();
      await guardWrite(`save dataset ${JSON.stringify(dataset.name)} (${dataset.rows.length} rows)`, () =>
        db.transaction('rw', [db.projects, db.datasets, db.datasetRows], async () => {
          if (!(await db.projects.get(projectId))) throw new DbNotFoundError('projects', projectId);
          await writeDataset(db, projectId, dataset, now(), options);
        }),
      );
    },

    async updateRow(datasetId, rowId, data) {
      const db = getDb();
      await guardWrite(`edit row ${rowId} of dataset ${datasetId}`, () =>
        db.transaction('rw', [db.datasets, db.datasetRows], async () => {
          await summaryOrThrow(db, datasetId);
          const row = await db.datasetRows.get([datasetId, rowId]);
          if (!row) throw new DbNotFoundError(`datasetRows of ${datasetId}`, rowId);
          await db.datasetRows.put({ ...row, data: { ...row.data, ...data } });
          await db.datasets.update(datasetId, { updatedAt: now() });
        }),
      );
    },

    async addRow(datasetId, example) {
      const db = getDb();
      await guardWrite(`add a row to dataset ${datasetId}`, () =>
        db.transaction('rw', [db.datasets, db.datasetRows], async () => {
          const summary = await summaryOrThrow(db, datasetId);
          if (await db.datasetRows.get([datasetId, example.id])) {
            throw new DbConflictError(`dataset ${JSON.stringify(summary.name)} already has a row with id ${JSON.stringify(example.id)}`);
          }
          const last = await db.datasetRows.where('[datasetId+order]').between([datasetId, -Infinity], [datasetId, Infinity]).last();
          await db.datasetRows.add(toRowRecord(datasetId, example, last ? last.order + 1 : 0));
          await db.datasets.update(datasetId, { rowCount: summary.rowCount + 1, updatedAt: now() });
        }),
      );
    },

    async removeRow(datasetId, rowId) {
      const db = getDb();
      await guardWrite(`delete row ${rowId} of dataset ${datasetId}`, () =>
        db.transaction('rw', [db.datasets, db.datasetRows], async () => {
          const summary = await summaryOrThrow(db, datasetId);
          if (!(await db.datasetRows.get([datasetId, rowId]))) throw new DbNotFoundError(`datasetRows of ${datasetId}`, rowId);
          await db.datasetRows.delete([datasetId, rowId]);
          await db.datasets.update(datasetId, { rowCount: summary.rowCount - 1, updatedAt: now() });
        }),
      );
    },

    async remove(id) {
      const db = getDb();
      await guardWrite(`delete dataset ${id}`, () =>
        db.transaction('rw', [db.datasets, db.datasetRows], async () => {
          await db.datasetRows.where('datasetId').equals(id).delete();
          await db.datasets.delete(id);
        }),
      );
    },
  };
}
