import type { CorpusPassage } from '../core/formats/corpus';

/** A corpus without its passages: what lists need, cheap at any size. */
export interface CorpusRecord {
  id: string;
  projectId: string;
  name: string;
  passageCount: number;
  updatedAt: number;
}

/** One passage; `order` keeps the file's order. */
export interface CorpusPassageRecord {
  corpusId: string;
  passageId: string;
  order: number;
  text: string;
  title?: string;
}

/**
 * A search index built from a corpus's passages (minisearch's JSON for BM25), stored so the
 * worker need not rebuild it. `updatedAt` is the corpus's at build time: an older stamp than the
 * corpus's own means the index is stale.
 */
export interface CorpusIndexRecord {
  corpusId: string;
  kind: 'bm25';
  index: string;
  passageCount: number;
  updatedAt: number;
  builtAt: number;
}

export function toPassageRecord(corpusId: string, passage: CorpusPassage, order: number): CorpusPassageRecord {
  const row: CorpusPassageRecord = { corpusId, passageId: passage.id, order, text: passage.text };
  if (passage.title !== undefined) row.title = passage.title;
  return row;
}

export function toPassage(row: CorpusPassageRecord): CorpusPassage {
  return row.title === undefined ? { id: row.passageId, text: row.text } : { id: row.passageId, text: row.text, title: row.title };
}
