import { proxy, wrap, type Remote } from 'comlink';
import type { ProgramServices } from '../../core/program/services';
import type { Passage } from '../../core/retrieve/types';
import { corpora } from '../../db';
import type { CorpusImportResult } from './import-corpus';
import type { CorpusWorkerApi } from './corpus-worker';

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
    return await api().importFiles({ projectId, files: raw, options }, proxy(onProgress));
  } catch (error) {
    return { ok: false, error: `Could not read the files: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function searchCorpus(corpusId: string, query: string, k: number): Promise<Passage[]> {
  return api().search(corpusId, query, k);
}

/**
 * Retrieve's service for programs run in the page ("Run with input…"): the search happens in
 * the corpus worker over the stored index; an id with no stored corpus gives undefined, so the
 * Retrieve node reports the missing corpus by name.
 */
export function pageRetrievers(): Pick<ProgramServices, 'retriever'> {
  return {
    async retriever(corpusId) {
      if (!(await corpora.get(corpusId))) return undefined;
      return { search: (query, k) => searchCorpus(corpusId, query, k) };
    },
  };
}
