import { Dexie, type Table, type Transaction } from 'dexie';
import type {
  DatasetPageIndexRecord,
  DatasetPageRecord,
  DatasetRow,
  GraphVersionRecord,
  LmCacheRow,
  ProjectRecord,
  ProviderRecord,
  RunRecord,
  SettingRow,
  StoredTrial,
} from './records';
import type { CorpusIndexRecord, CorpusPassageRecord, CorpusRecord } from './corpus-records';
import { moveRowsIntoPages } from './dataset-pages';

/** FROZEN: the IndexedDB database name. Renaming it strands every user's data. */
export const DB_NAME = 'prompt-studio';

/**
 * FROZEN: table (object store) names. Stored data is addressed by these strings; renaming one
 * is a migration (copy in an upgrade function, then drop), never an edit here.
 */
export const TABLES = Object.freeze({
  projects: 'projects',
  graphVersions: 'graphVersions',
  datasets: 'datasets',
  datasetRows: 'datasetRows',
  runs: 'runs',
  trials: 'trials',
  lmCache: 'lmCache',
  providers: 'providers',
  settings: 'settings',
  corpora: 'corpora',
  corpusPassages: 'corpusPassages',
  corpusIndexes: 'corpusIndexes',
  datasetPages: 'datasetPages',
  datasetPageIndex: 'datasetPageIndex',
} as const);

export type TableName = (typeof TABLES)[keyof typeof TABLES];

/** Tables a later version dropped: their names stay in TABLES (frozen), but no store has them. */
export const DROPPED_TABLES: readonly TableName[] = [TABLES.datasetRows];

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. `null` drops a table. */
  stores: Partial<Record<TableName, string | null>>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema the app has ever shipped, oldest first. Never edit a shipped entry: a change is
 * a new entry with the next number, listing only the tables whose keys or indexes change, and
 * an `upgrade` that rewrites existing rows (e.g. `tx.table(TABLES.runs).toCollection().modify(...)`).
 * Dexie runs each pending upgrade in order inside one versionchange transaction, so a user on
 * v1 lands on the newest version or stays on v1 — never halfway. Add a test with
 * `openAtVersion` (schema.test.ts) that writes rows at the old version and reads them upgraded.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      projects: 'id, updatedAt',
      graphVersions: 'id, projectId, [projectId+hash]',
      datasets: 'id, projectId',
      // Rows apart from their dataset so listing datasets never loads 100k rows. No separate
      // datasetId index: Dexie answers where('datasetId') from [datasetId+order]'s prefix.
      datasetRows: '[datasetId+rowId], [datasetId+order]',
      runs: 'id, projectId, [projectId+startedAt]',
      trials: '[runId+index], runId',
      lmCache: 'key, lastUsed',
      providers: 'id',
      settings: 'key',
    },
  },
  {
    // Corpora for Retrieve nodes: summaries, passages apart (like dataset rows), and stored
    // search indexes. New tables only, so no upgrade function.
    version: 2,
    stores: {
      corpora: 'id, projectId',
      corpusPassages: '[corpusId+order], [corpusId+passageId]',
      corpusIndexes: 'corpusId',
    },
  },
  {
    // Dataset rows in pages of ~1,000 (dataset-pages.ts): a 100k-row import writes 100 records
    // instead of 100,000. The upgrade moves every row record into pages; Dexie then drops the
    // old table (it stays readable inside the upgrade).
    version: 3,
    stores: {
      datasetPages: '[datasetId+page]',
      datasetPageIndex: 'datasetId',
      datasetRows: null,
    },
    upgrade: moveRowsIntoPages,
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

export class StudioDb extends Dexie {
  projects!: Table<ProjectRecord, string>;
  graphVersions!: Table<GraphVersionRecord, string>;
  datasets!: Table<DatasetRow, string>;
  datasetPages!: Table<DatasetPageRecord, [string, number]>;
  datasetPageIndex!: Table<DatasetPageIndexRecord, string>;
  runs!: Table<RunRecord, string>;
  trials!: Table<StoredTrial, [string, number]>;
  lmCache!: Table<LmCacheRow, string>;
  providers!: Table<ProviderRecord, string>;
  settings!: Table<SettingRow, string>;
  corpora!: Table<CorpusRecord, string>;
  corpusPassages!: Table<CorpusPassageRecord, [string, number]>;
  corpusIndexes!: Table<CorpusIndexRecord, string>;

  /**
   * `upTo` and `versions` exist for migration tests: they open the database as an older (or a
   * hypothetical newer) release would.
   */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    // Passed explicitly so a global installed after Dexie loaded (fake-indexeddb) is still used.
    super(name, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
    for (const step of versions) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

let shared: StudioDb | undefined;

/** The app's database, opened on first use (Dexie opens lazily on the first query). */
export function studioDb(): StudioDb {
  shared ??= new StudioDb();
  return shared;
}

/** Closes and deletes the app's database: "erase all local data", and test isolation. */
export async function deleteStudioDb(): Promise<void> {
  const db = shared ?? new StudioDb();
  shared = undefined;
  db.close();
  await db.delete();
}
