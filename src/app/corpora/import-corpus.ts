import { parseCorpusFiles, type CorpusParseOptions } from '../../core/formats/corpus';
import type { RawFile } from '../../core/data';
import type { CorporaRepository, CorpusRecord } from '../../db';
import type { CorpusRetrievers } from '../../worker/retriever';

export interface CorpusImportRequest {
  projectId: string;
  files: RawFile[];
  options: Pick<CorpusParseOptions, 'textColumn' | 'maxChars'>;
}

export type CorpusImportResult = { ok: true; corpus: CorpusRecord; warnings: string[] } | { ok: false; error: string };

interface Deps {
  store: Pick<CorporaRepository, 'create'>;
  retrievers: Pick<CorpusRetrievers, 'indexCorpus'>;
  onProgress: (fraction: number) => void;
}

/**
 * Parse, store, index: the three steps of an upload, each reported as progress. Never throws:
 * a bad file or a full disk comes back as a message for the page to show.
 */
export async function importCorpus(request: CorpusImportRequest, deps: Deps): Promise<CorpusImportResult> {
  deps.onProgress(0.05);
  const parsed = parseCorpusFiles(request.files, request.options);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  deps.onProgress(0.4);
  try {
    const corpus = await deps.store.create(request.projectId, parsed.corpus);
    deps.onProgress(0.7);
    await deps.retrievers.indexCorpus(corpus.id);
    deps.onProgress(1);
    return { ok: true, corpus, warnings: parsed.warnings };
  } catch (error) {
    return { ok: false, error: `Could not save the corpus ${JSON.stringify(parsed.corpus.name)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
