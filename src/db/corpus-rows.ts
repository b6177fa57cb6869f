import type { Corpus, CorpusPassage } from '../core/formats/corpus';
import { isModuleNode, type ProgramGraph } from '../core/program/types';
import { toPassage, toPassageRecord, type CorpusRecord } from './corpus-records';
import { DbConflictError } from './errors';
import { newId } from './ids';
import type { StudioDb } from './schema';

// Helpers shared by the corpora repository, project import and project copy. Each runs inside a
// transaction its caller opened over corpora, corpusPassages and corpusIndexes.

export interface WriteCorpusOptions {
  /** When another project owns the id: take a fresh id (true) or fail (false). */
  freshIdIfTaken: boolean;
}

/** Writes (or wholly replaces) a corpus and its passages; drops any index of the old content. */
export async function writeCorpus(db: StudioDb, projectId: string, corpus: Corpus, at: number, options: WriteCorpusOptions): Promise<CorpusRecord> {
  let id = corpus.id;
  let existing = await db.corpora.get(id);
  if (existing && existing.projectId !== projectId) {
    if (!options.freshIdIfTaken) throw new DbConflictError(`corpus id ${JSON.stringify(id)} already belongs to another project`);
    id = newId();
    existing = undefined;
  }
  // Strictly increasing, so a stored index can tell it was built from an older version.
  const updatedAt = existing ? Math.max(at, existing.updatedAt + 1) : at;
  const record: CorpusRecord = { id, projectId, name: corpus.name, passageCount: corpus.passages.length, updatedAt };
  await deletePassages(db, id);
  await db.corpusIndexes.delete(id);
  await db.corpora.put(record);
  await db.corpusPassages.bulkAdd(corpus.passages.map((p, i) => toPassageRecord(id, p, i)));
  return record;
}

export async function readCorpusPassages(db: StudioDb, corpusId: string): Promise<CorpusPassage[]> {
  const rows = await db.corpusPassages.where('[corpusId+order]').between([corpusId, -Infinity], [corpusId, Infinity]).toArray();
  return rows.map(toPassage);
}

function deletePassages(db: StudioDb, corpusId: string): Promise<number> {
  return db.corpusPassages.where('[corpusId+order]').between([corpusId, -Infinity], [corpusId, Infinity]).delete();
}

export async function deleteCorporaOf(db: StudioDb, projectId: string): Promise<void> {
  const ids = await db.corpora.where('projectId').equals(projectId).primaryKeys();
  for (const id of ids) await deletePassages(db, id);
  await db.corpusIndexes.bulkDelete(ids);
  await db.corpora.bulkDelete(ids);
}

/** Copies every corpus of one project into another under fresh ids; returns old id → new id. */
export async function copyCorporaInto(db: StudioDb, fromProject: string, toProject: string, at: number): Promise<Map<string, string>> {
  const mapping = new Map<string, string>();
  for (const record of await db.corpora.where('projectId').equals(fromProject).toArray()) {
    const id = newId();
    mapping.set(record.id, id);
    await db.corpora.add({ ...record, id, projectId: toProject, updatedAt: at });
    const rows = await db.corpusPassages.where('[corpusId+order]').between([record.id, -Infinity], [record.id, Infinity]).toArray();
    await db.corpusPassages.bulkAdd(rows.map((row) => ({ ...row, corpusId: id })));
  }
  return mapping;
}

/** Retrieve nodes name their corpus in `config.corpusId`; after ids change, they follow. */
export function remapCorpusIds(graph: ProgramGraph, mapping: ReadonlyMap<string, string>): ProgramGraph {
  if (mapping.size === 0) return graph;
  const nodes = graph.nodes.map((node) => {
    if (!isModuleNode(node)) return node;
    const corpusId = node.config.corpusId;
    const next = typeof corpusId === 'string' ? mapping.get(corpusId) : undefined;
    return next === undefined ? node : { ...node, config: { ...node.config, corpusId: next } };
  });
  return { ...graph, nodes };
}
