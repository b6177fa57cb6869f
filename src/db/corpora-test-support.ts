// Test setup shared by the corpus tests of db, worker and app (fake-indexeddb): each test gets
// a database of its own, its corpora repository, one empty project and the given corpora.
import { afterEach, beforeEach } from 'vitest';
import type { Corpus } from '../core/formats/corpus';
import { corporaRepository, type CorporaRepository } from './corpora';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { freshDb } from './test-support';

export interface CorpusDb {
  db: StudioDb;
  repo: CorporaRepository;
  projectId: string;
}

/**
 * Registers beforeEach/afterEach: a fresh database with one project holding `corpora`, deleted
 * after the test. Read the fields inside a test (they change for every test).
 */
export function corpusDbPerTest(...corpora: Corpus[]): CorpusDb {
  const env = {} as CorpusDb;
  beforeEach(async () => {
    env.db = freshDb();
    env.repo = corporaRepository(() => env.db);
    env.projectId = (await projectsRepository(() => env.db).create({ name: 'P', graph: { nodes: [], edges: [] } })).id;
    for (const corpus of corpora) await env.repo.create(env.projectId, corpus);
  });
  afterEach(async () => {
    await env.db.delete();
  });
  return env;
}
