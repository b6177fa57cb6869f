// The studio's persistence. Each repository reads the app database lazily, so importing this
// module opens nothing; `*Repository(getDb)` builds the same API over another database (tests).
import type { ProjectFile } from '../core/formats/project';
import { corporaRepository } from './corpora';
import { datasetsRepository } from './datasets';
import { graphVersionsRepository } from './graph-versions';
import { importProjectFile as importInto } from './import-project';
import { projectsRepository } from './projects';
import { providersRepository } from './providers';
import type { ProjectRecord } from './records';
import { runsRepository, trialsRepository } from './runs';
import { studioDb } from './schema';
import { settingsRepository } from './settings';

export const projects = projectsRepository(studioDb);
export const datasets = datasetsRepository(studioDb);
export const corpora = corporaRepository(studioDb);
export const graphVersions = graphVersionsRepository(studioDb);
export const runs = runsRepository(studioDb);
export const trials = trialsRepository(studioDb);
export const providers = providersRepository(studioDb);
export const settings = settingsRepository(studioDb);

/** Stores a project file (project, datasets and corpora) in one transaction: all or nothing. */
export function importProjectFile(file: ProjectFile): Promise<ProjectRecord> {
  return importInto(studioDb, file);
}

export { createIndexedDbCacheStore, DEFAULT_CACHE_ENTRIES, type IndexedDbCacheOptions } from './lm-cache';
export { DbConflictError, DbNotFoundError, DbQuotaError, isQuotaError } from './errors';
export { ProjectImportError } from './import-project';
export { DB_NAME, LATEST_VERSION, StudioDb, TABLES, deleteStudioDb, studioDb, type TableName } from './schema';
export { datasetsRepository, type DatasetsRepository, type RowPage } from './datasets';
export type { WriteOptions } from './dataset-rows';
export { corporaRepository, type CorporaRepository } from './corpora';
export type { CorpusIndexRecord, CorpusRecord } from './corpus-records';
export { graphVersionsRepository, type GraphVersionsRepository } from './graph-versions';
export { projectsRepository, type NewProject, type ProjectPatch, type ProjectsRepository } from './projects';
export { providersRepository, storableProvider, type ProvidersRepository } from './providers';
export { runsRepository, trialsRepository, ZERO_RUN_USAGE, type RunsRepository, type TrialsRepository } from './runs';
export { settingsRepository, type SettingsRepository } from './settings';
export { estimateStorage, formatBytes, persistenceState, requestPersistence, type PersistenceState, type StorageEstimate } from './storage';
export type {
  DatasetRecord,
  DatasetSummary,
  GraphVersionRecord,
  NewRunRecord,
  ProjectRecord,
  ProviderRecord,
  RunKind,
  RunPatch,
  RunRecord,
  RunStatus,
  RunUsage,
  StoredRunCommand,
  StoredTrial,
} from './records';
