import { expose } from 'comlink';
import { corpora } from '../../db';
import { importCorpus, type CorpusImportRequest, type CorpusImportResult } from './import-corpus';
import { createCorpusRetrievers } from '../../worker/retriever';
import type { Passage } from '../../core/retrieve/types';

// Reading uploads and building BM25 indexes happen here, off the main thread. The worker writes
// to IndexedDB itself, so the page only gets a summary back (never 100k passages through postMessage).
const retrievers = createCorpusRetrievers(corpora);

const api = {
  importFiles(request: CorpusImportRequest, onProgress: (fraction: number) => void): Promise<CorpusImportResult> {
    return importCorpus(request, { store: corpora, retrievers, onProgress });
  },

  /** Tries a BM25 query over a stored corpus (the studio's search box). */
  async search(corpusId: string, query: string, k: number): Promise<Passage[]> {
    const retriever = await retrievers.retriever(corpusId);
    if (!retriever) throw new Error(`no corpus with id ${JSON.stringify(corpusId)}`);
    return retriever.search(query, k);
  },
};

export type CorpusWorkerApi = typeof api;

expose(api);
