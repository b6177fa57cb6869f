import { loadProject, type ProjectFile } from '../core/formats/project';
import { DbConflictError, guardWrite } from './errors';
import { newId } from './ids';
import { remapIds, writeDataset } from './dataset-rows';
import { remapCorpusIds, writeCorpus } from './corpus-rows';
import type { ProjectRecord } from './records';
import type { StudioDb } from './schema';

/** A project file that cannot be stored as given (it failed validation). */
export class ProjectImportError extends Error {
  override readonly name = 'ProjectImportError';
}

/**
 * Stores a project file as a new project with its datasets and corpora, in one transaction: on any failure
 * (an invalid file, a repeated row id, a full disk) nothing at all is written. A dataset keeps
 * its id unless another project already uses it; then it gets a fresh one and the project's
 * settings follow.
 */
export async function importProjectFile(getDb: () => StudioDb, file: ProjectFile, now: () => number = Date.now): Promise<ProjectRecord> {
  // Migrate-then-validate even for a typed value: it may come straight from JSON.parse (STYLE.md 7).
  const loaded = loadProject(file);
  if (!loaded.ok) throw new ProjectImportError(`project file: ${loaded.error}`);
  const project = loaded.value;
  const seen = new Set<string>();
  for (const dataset of project.datasets) {
    if (seen.has(dataset.id)) throw new ProjectImportError(`project file: datasets: the id ${JSON.stringify(dataset.id)} appears twice`);
    seen.add(dataset.id);
  }

  const db = getDb();
  return guardWrite(`import project ${JSON.stringify(project.name)}`, () =>
    db.transaction('rw', [db.projects, db.datasets, db.datasetPages, db.datasetPageIndex, db.corpora, db.corpusPassages, db.corpusIndexes], async () => {
      const at = now();
      const mapping = new Map<string, string>();
      for (const dataset of project.datasets) {
        if (await db.datasets.get(dataset.id)) mapping.set(dataset.id, newId());
      }
      // Corpora, like datasets, keep their ids unless taken; Retrieve nodes follow a new id.
      const corpusIds = new Map<string, string>();
      for (const corpus of project.corpora ?? []) {
        if (await db.corpora.get(corpus.id)) corpusIds.set(corpus.id, newId());
      }
      const record: ProjectRecord = {
        id: newId(),
        name: project.name,
        graph: remapCorpusIds(project.graph, corpusIds),
        settings: remapIds(project.settings, mapping),
        createdAt: at,
        updatedAt: at,
      };
      await db.projects.add(record);
      for (const dataset of project.datasets) {
        await writeDataset(db, record.id, { ...dataset, id: mapping.get(dataset.id) ?? dataset.id }, at);
      }
      for (const corpus of project.corpora ?? []) {
        await writeCorpus(db, record.id, { ...corpus, id: corpusIds.get(corpus.id) ?? corpus.id }, at, { freshIdIfTaken: false });
      }
      return record;
    }),
  ).catch((error: unknown) => {
    if (error instanceof DbConflictError) throw new ProjectImportError(`project file: ${error.message}`, { cause: error });
    throw error;
  });
}
