import { wrap, type Remote } from 'comlink';
import type { ProgramServices } from '../../core/program/services';
import type { Embedder } from '../../core/lm/types';
import type { Passage, Retriever } from '../../core/retrieve/types';
import { corpora, createIndexedDbCacheStore } from '../../db';
import { createEmbeddingRetrievers, retrieverService } from '../../worker/embedding-retrievers';
import type { CorpusImportResult } from './import-corpus';
import type { CorpusWorkerApi } from './corpus-worker';
import { withWorkerProgress } from '../workers/progress';

let remote: Remote<CorpusWorkerApi> | undefined;

/** The corpus worker, started on first use and kept: it holds loaded indexes for searches. */
function api(): Remote<CorpusWorkerApi> {
  remote ??= wrap<CorpusWorkerApi>(new Worker(new URL('./corpus-worker.ts', import.meta.url), { type: 'module', name: 'corpus-worker' }));
  return remote;
}

/** Reads the files into one corpus of the project, stores it and builds its index, in the worker. */
export async function uploadCorpus(projectId: string, files: readonly File[], textColumn: string, onProgress: (fraction: number) => void): Promise<CorpusImportResult> {
  const raw = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const options = textColumn.trim() === '' ? {} : { textColumn: textColumn.trim() };
  try {
    return await withWorkerProgress<CorpusImportResult>(onProgress, (callback) => api().importFiles({ projectId, files: raw, options }, callback));
  } catch (error) {
    return { ok: false, error: `Could not read the files: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function searchCorpus(corpusId: string, query: string, k: number): Promise<Passage[]> {
  return api().search(corpusId, query, k);
}

/**
 * Retrieve's service for programs run in the page ("Run with input…"): a BM25 search happens in
 * the corpus worker over the stored index; an id with no stored corpus gives undefined, so the
 * Retrieve node reports the missing corpus by name. Embedding search runs here, through
 * `embedder` (the active provider), its passage vectors kept in the shared LM cache.
 */
export function pageRetrievers(embedder?: Embedder): Pick<ProgramServices, 'retriever'> {
  const bm25 = async (corpusId: string): Promise<Retriever | undefined> => {
    if (!(await corpora.get(corpusId))) return undefined;
    return { search: (query, k) => searchCorpus(corpusId, query, k) };
  };
  const embeddings = embedder ? createEmbeddingRetrievers({ source: corpora, embedder, cache: createIndexedDbCacheStore() }) : undefined;
  return retrieverService(bm25, embeddings);
}
