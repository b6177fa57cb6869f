import type { ProgramGraph } from '../core/program/types';
import { DbNotFoundError, guardWrite } from './errors';
import { newId } from './ids';
import { copyDatasetsInto, deleteDatasetsOf, remapIds } from './dataset-rows';
import { copyCorporaInto, deleteCorporaOf, remapCorpusIds } from './corpus-rows';
import type { ProjectRecord } from './records';
import type { StudioDb } from './schema';

export interface NewProject {
  name: string;
  graph: ProgramGraph;
  settings?: Record<string, unknown>;
}

export interface ProjectPatch {
  name?: string;
  graph?: ProgramGraph;
  settings?: Record<string, unknown>;
}

export interface ProjectsRepository {
  /** Newest edit first. */
  list(): Promise<ProjectRecord[]>;
  get(id: string): Promise<ProjectRecord | undefined>;
  create(input: NewProject): Promise<ProjectRecord>;
  save(id: string, patch: ProjectPatch): Promise<void>;
  /** A copy of the project, its datasets and corpora (not its runs) named "<name> (copy)". */
  duplicate(id: string): Promise<ProjectRecord>;
  /** The project with everything that belongs to it: datasets, rows, corpora, runs, trials, graph versions. */
  remove(id: string): Promise<void>;
}

export function projectsRepository(getDb: () => StudioDb, now: () => number = Date.now): ProjectsRepository {
  return {
    async list() {
      return getDb().projects.orderBy('updatedAt').reverse().toArray();
    },

    async get(id) {
      return getDb().projects.get(id);
    },

    async create(input) {
      const at = now();
      const record: ProjectRecord = { id: newId(), name: input.name, graph: input.graph, settings: input.settings ?? {}, createdAt: at, updatedAt: at };
      await guardWrite(`create project ${JSON.stringify(input.name)}`, () => getDb().projects.add(record));
      return record;
    },

    async save(id, patch) {
      const db = getDb();
      const changes: Partial<ProjectRecord> = { updatedAt: now() };
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.graph !== undefined) changes.graph = patch.graph;
      if (patch.settings !== undefined) changes.settings = patch.settings;
      const updated = await guardWrite(`save project ${id}`, () => db.projects.update(id, changes));
      if (updated === 0) throw new DbNotFoundError('projects', id);
    },

    async duplicate(id) {
      const db = getDb();
      return guardWrite(`duplicate project ${id}`, () =>
        db.transaction('rw', [db.projects, db.datasets, db.datasetPages, db.datasetPageIndex, db.corpora, db.corpusPassages], async () => {
          const source = await db.projects.get(id);
          if (!source) throw new DbNotFoundError('projects', id);
          const at = now();
          const copyId = newId();
          const mapping = await copyDatasetsInto(db, id, copyId, at);
          const settings = remapIds(source.settings, mapping);
          const graph = remapCorpusIds(source.graph, await copyCorporaInto(db, id, copyId, at));
          const copy: ProjectRecord = { ...source, id: copyId, name: `${source.name} (copy)`, graph, settings, createdAt: at, updatedAt: at };
          await db.projects.add(copy);
          return copy;
        }),
      );
    },

    async remove(id) {
      const db = getDb();
      await guardWrite(`delete project ${id}`, () =>
        db.transaction('rw', [db.projects, db.datasets, db.datasetPages, db.datasetPageIndex, db.runs, db.trials, db.graphVersions, db.corpora, db.corpusPassages, db.corpusIndexes], async () => {
          await deleteDatasetsOf(db, id);
          await deleteCorporaOf(db, id);
          const runIds = await db.runs.where('projectId').equals(id).primaryKeys();
          await db.trials.where('runId').anyOf(runIds).delete();
          await db.runs.bulkDelete(runIds);
          await db.graphVersions.where('projectId').equals(id).delete();
          await db.projects.delete(id);
        }),
      );
    },
  };
}
