import { fileStem, loadCorpus, parseCorpusFiles, type Corpus } from '../core/formats/corpus';
import { loadProject, PROJECT_FORMAT, type ProjectFile } from '../core/formats/project';
import type { ProgramServices } from '../core/program/services';
import { createBm25Retriever, type Bm25Retriever } from '../core/retrieve/bm25';
import { createEmbeddingRetriever } from '../core/retrieve/embedding';
import type { Retriever } from '../core/retrieve/types';
import { EMBEDDING_USAGE, type CliEmbeddings } from './corpus-embeddings';
import type { Io } from './io';

export const corpusFlagSpec = { corpus: { type: 'string', multiple: true }, 'embedding-model': { type: 'string' } } as const;

/**
 * The help line each command shows. FILE is a corpus file (prompt-studio/corpus JSON), a project
 * file (all its corpora), or text, Markdown, CSV, JSONL or JSON with a "text" column; such an
 * upload's id is ID, else the file name without its extension.
 */
export const CORPUS_USAGE = `[--corpus [ID=]FILE …] passages for Retrieve nodes: text, Markdown, CSV/JSONL/JSON (a "text" column),\n      a corpus file or a project file; the id is ID or the file name. A --project file's own corpora are always there.\n    ${EMBEDDING_USAGE}`;

/**
 * Every corpus the command can search: the project file's own, then each `--corpus` in order
 * (a later one with the same id replaces an earlier one, with a note on stderr).
 */
export async function loadCorpora(io: Io, specs: readonly string[] | undefined, project?: ProjectFile): Promise<Map<string, Corpus>> {
  const corpora = new Map<string, Corpus>();
  const add = (corpus: Corpus, from: string) => {
    if (corpora.has(corpus.id)) io.err(`corpus: ${from} replaces the corpus ${JSON.stringify(corpus.id)} given earlier`);
    corpora.set(corpus.id, corpus);
  };
  for (const corpus of project?.corpora ?? []) add(corpus, 'the project file');
  for (const spec of specs ?? []) for (const corpus of await readCorpusSpec(io, spec)) add(corpus, spec);
  return corpora;
}

async function readCorpusSpec(io: Io, spec: string): Promise<Corpus[]> {
  const eq = spec.indexOf('=');
  // `C:\x.md` or `./a=b.md` are paths: an id is a plain name before the first '='.
  const named = eq > 0 && /^[\w.-]+$/.test(spec.slice(0, eq));
  const id = named ? spec.slice(0, eq) : undefined;
  const path = named ? spec.slice(eq + 1) : spec;
  const bytes = await io.readFile(path);
  const asJson = path.toLowerCase().endsWith('.json') ? parseJsonObject(bytes) : undefined;
  if (asJson?.format === PROJECT_FORMAT) {
    const loaded = loadProject(asJson);
    if (!loaded.ok) throw new Error(`corpus ${path}: ${loaded.error}`);
    const found = loaded.value.corpora ?? [];
    if (found.length === 0) throw new Error(`corpus ${path}: the project file has no corpora`);
    if (id !== undefined && found.length !== 1) throw new Error(`corpus ${spec}: the project file has ${found.length} corpora; an id can only name one`);
    return id === undefined ? found : found.map((c) => ({ ...c, id }));
  }
  if (asJson && typeof asJson.format === 'string') {
    const loaded = loadCorpus(asJson);
    if (!loaded.ok) throw new Error(`corpus ${path}: ${loaded.error}`);
    return [id === undefined ? loaded.value : { ...loaded.value, id }];
  }
  const parsed = parseCorpusFiles([{ name: path, bytes }], { id: id ?? fileStem(path) });
  if (!parsed.ok) throw new Error(`corpus ${parsed.message}`);
  for (const warning of parsed.warnings) io.err(`corpus: ${warning}`);
  return [parsed.corpus];
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Not JSON we can read as a whole: the upload reader reports the exact line.
    return undefined;
  }
}

/**
 * Retrieve's service over in-memory BM25 indexes, each built on first use; with `embeddings`,
 * also embedding search (one retriever per corpus and model, its vectors in the file cache).
 */
export function corpusServices(corpora: ReadonlyMap<string, Corpus>, embeddings?: CliEmbeddings): Pick<ProgramServices, 'retriever'> {
  const built = new Map<string, Bm25Retriever>();
  const embedded = new Map<string, Retriever>();
  return {
    retriever(corpusId, options) {
      const corpus = corpora.get(corpusId);
      if (!corpus) return undefined;
      if (options?.search === 'embedding') {
        if (!embeddings) throw new Error('embedding search is not available in this command');
        const model = options.embeddingModel ?? embeddings.model;
        const key = JSON.stringify([corpusId, model]);
        let found = embedded.get(key);
        if (!found) {
          const cache = embeddings.cache;
          found = createEmbeddingRetriever(corpus.passages, { embedder: embeddings.embedder(), model, ...(cache ? { cache } : {}) });
          embedded.set(key, found);
        }
        return found;
      }
      let retriever = built.get(corpusId);
      if (!retriever) {
        retriever = createBm25Retriever(corpus.passages);
        built.set(corpusId, retriever);
      }
      return retriever;
    },
  };
}
