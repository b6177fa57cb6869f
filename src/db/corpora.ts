import type { Corpus, CorpusPassage } from '../core/formats/corpus';
import { firstDuplicate } from '../core/formats/corpus';
import { toPassage, type CorpusIndexRecord, type CorpusRecord } from './corpus-records';
import { readCorpusPassages, writeCorpus } from './corpus-rows';
import { DbConflictError, DbNotFoundError, guardWrite } from './errors';
import type { RowPage } from './datasets';
import type { StudioDb } from './schema';

export interface CorporaRepository {
  /**
   * Stores a corpus in a project. Its id is kept unless another project already has a corpus
   * with that id; then it gets a fresh one. The same id in the same project is replaced whole
   * (and its stored index dropped). Returns the stored summary.
   */
  create(projectId: string, corpus: Corpus): Promise<CorpusRecord>;
  /** A project's corpora without passages, by name. */
  listFor(projectId: string): Promise<CorpusRecord[]>;
  get(id: string): Promise<CorpusRecord | undefined>;
  /** The corpus with every passage (for export, and to build an index). */
  load(id: string): Promise<Corpus | undefined>;
  /** A window of passages in order, for a paged view. */
  passages(corpusId: string, page: RowPage): Promise<CorpusPassage[]>;
  /** Every corpus of a project with its passages: what a project file carries. */
  exportFor(projectId: string): Promise<Corpus[]>;
  remove(id: string): Promise<void>;
  /** The stored search index, if one was built for this very version of the corpus. */
  index(corpusId: string): Promise<CorpusIndexRecord | undefined>;
  /** Stores an index built from the corpus as it was at `corpusUpdatedAt`. */
  saveIndex(corpusId: string, index: string, corpusUpdatedAt: number): Promise<void>;
}

export function corporaRepository(getDb: () => StudioDb, now: () => number = Date.now): CorporaRepository {
  return {
    async create(projectId, corpus) {
      const duplicate = firstDuplicate(corpus.passages.map((p) => p.id));
      if (duplicate !== undefined) throw new DbConflictError(`corpus ${JSON.stringify(corpus.name)}: the passage id ${JSON.stringify(duplicate)} appears twice`);
      const db = getDb();
      return guardWrite(`save corpus ${JSON.stringify(corpus.name)} (${corpus.passages.length} passages)`, () =>
        db.transaction('rw', [db.projects, db.corpora, db.corpusPassages, db.corpusIndexes], async () => {
          if (!(await db.projects.get(projectId))) throw new DbNotFoundError('projects', projectId);
          return writeCorpus(db, projectId, corpus, now(), { freshIdIfTaken: true });
        }),
      );
    },

    async listFor(projectId) {
      return getDb().corpora.where('projectId').equals(projectId).sortBy('name');
    },

    async get(id) {
      return getDb().corpora.get(id);
    },

    async load(id) {
      const db = getDb();
      return db.transaction('r', [db.corpora, db.corpusPassages], async () => {
        const record = await db.corpora.get(id);
        if (!record) return undefined;
        return { id: record.id, name: record.name, passages: await readCorpusPassages(db, id) };
      });
    },

    async passages(corpusId, page) {
      let query = getDb().corpusPassages.where('[corpusId+order]').between([corpusId, -Infinity], [corpusId, Infinity]).offset(page.offset);
      if (Number.isFinite(page.limit)) query = query.limit(page.limit);
      return (await query.toArray()).map(toPassage);
    },

    async exportFor(projectId) {
      const db = getDb();
      return db.transaction('r', [db.corpora, db.corpusPassages], async () => {
        const records = await db.corpora.where('projectId').equals(projectId).sortBy('name');
        return Promise.all(records.map(async (r) => ({ id: r.id, name: r.name, passages: await readCorpusPassages(db, r.id) })));
      });
    },

    async remove(id) {
      const db = getDb();
      await guardWrite(`delete corpus ${id}`, () =>
        db.transaction('rw', [db.corpora, db.corpusPassages, db.corpusIndexes], async () => {
          await db.corpusPassages.where('[corpusId+order]').between([id, -Infinity], [id, Infinity]).delete();
          await db.corpusIndexes.delete(id);
          await db.corpora.delete(id);
        }),
      );
    },

    async index(corpusId) {
      const db = getDb();
      return db.transaction('r', [db.corpora, db.corpusIndexes], async () => {
        const [record, index] = await Promise.all([db.corpora.get(corpusId), db.corpusIndexes.get(corpusId)]);
        return record && index && index.updatedAt === record.updatedAt ? index : undefined;
      });
    },

    async saveIndex(corpusId, index, corpusUpdatedAt) {
      const db = getDb();
      await guardWrite(`save the search index of corpus ${corpusId}`, () =>
        db.transaction('rw', [db.corpora, db.corpusIndexes], async () => {
          const record = await db.corpora.get(corpusId);
          if (!record) throw new DbNotFoundError('corpora', corpusId);
          // A corpus replaced while its index was being built keeps no stale index.
          if (record.updatedAt !== corpusUpdatedAt) return;
          await db.corpusIndexes.put({ corpusId, kind: 'bm25', index, passageCount: record.passageCount, updatedAt: record.updatedAt, builtAt: now() });
        }),
      );
    },
  };
}
