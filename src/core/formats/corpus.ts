/**
 * Corpora: the passages a Retrieve node searches.
 *
 * THE FORMAT (settled; other code and the sample projects rely on it):
 *
 *   interface CorpusPassage { id: string; text: string; title?: string }
 *   interface Corpus { id: string; name: string; passages: CorpusPassage[] }
 *
 * - In a project file (format version stays 1) corpora sit under an optional top-level key
 *   `corpora?: Corpus[]`. Importing the project stores them; exporting includes them.
 *   A Retrieve node names its corpus by `config.corpusId` (= `Corpus.id`).
 * - On its own a corpus is a JSON file `{ "format": "prompt-studio/corpus", "version": 1,
 *   "id", "name", "passages": [...] }` (CORPUS_FORMAT). The CLI's `--corpus FILE` reads that,
 *   a project file (all its corpora), or any upload below.
 * - Passage ids are unique within their corpus and stable: the same file gives the same ids.
 * - Retrieve returns a passage's `text` verbatim (DSPy's `passages: list[str]`); `title` is shown
 *   in the studio only. A corpus that wants titles searchable puts them into the text, as
 *   DSPy's Wikipedia abstracts do ("Title | text").
 *
 * Uploads (parseCorpusFiles): plain text, split into passages at blank lines; Markdown, split at
 * headings and blank lines, the nearest heading kept as the title; CSV/JSONL/JSON records with a
 * text column (`text` unless chosen), an optional `id` and `title` column. Passages longer than
 * `maxChars` are cut into chunks at sentence (else word) boundaries; a chunk's id is its
 * passage's id + `#2`, `#3`…; a corpus file (CORPUS_FORMAT) is read as it is, unchunked.
 */
import { z } from 'zod';
import { DEFAULT_MAX_BYTES, decodeFile, type RawFile } from '../data/decode';
import { DataImportError, formatImportError, type ImportError } from '../data/errors';
import { parseCsv } from '../data/parse-csv';
import { parseJson, parseJsonl } from '../data/parse-json';
import { detectFormat, formatFromName } from '../data/sniff';
import { hashSeed } from '../random';
import { chunkText, markdownSections, textBlocks } from './corpus-text';

export interface CorpusPassage {
  id: string;
  text: string;
  title?: string;
}

export interface Corpus {
  id: string;
  name: string;
  passages: CorpusPassage[];
}

export const CORPUS_FORMAT = 'prompt-studio/corpus';
export const CORPUS_VERSION = 1;
export const DEFAULT_MAX_PASSAGE_CHARS = 2000;

export const passageSchema = z.object({ id: z.string().min(1), text: z.string(), title: z.string().optional() });
export const corpusSchema = z.object({ id: z.string().min(1), name: z.string(), passages: z.array(passageSchema) });

export type CorpusKind = 'text' | 'markdown' | 'records';

export interface CorpusParseOptions {
  /** The column holding the passage text in CSV/JSON/JSONL; default `text`. */
  textColumn?: string;
  /** Longer passages are cut into chunks; default 2000 characters. */
  maxChars?: number;
  /** The corpus name; default: the first file's name without its extension. */
  name?: string;
  /** The corpus id; default: derived from the names and contents of the files. */
  id?: string;
  maxBytes?: number;
}

export type CorpusParseResult = { ok: true; corpus: Corpus; warnings: string[] } | { ok: false; error: ImportError; message: string };

/** Which reader a file name calls for. */
export function corpusKind(fileName: string): CorpusKind {
  const lower = fileName.toLowerCase();
  if (/\.(md|markdown|mdx)$/.test(lower)) return 'markdown';
  if (formatFromName(lower)) return 'records';
  return 'text';
}

/**
 * Reads one or more uploaded files (several Markdown files make one corpus) into a corpus.
 * Never throws: a problem comes back naming the file and, where known, the line and column.
 */
export function parseCorpusFiles(files: readonly RawFile[], options: CorpusParseOptions = {}): CorpusParseResult {
  const warnings: string[] = [];
  const passages: CorpusPassage[] = [];
  const seen = new Set<string>();
  try {
    if (files.length === 0) throw new DataImportError({ file: '(none)', message: 'choose at least one file' });
    const stems = new Set<string>();
    for (const file of files) {
      let stem = fileStem(file.name);
      for (let n = 2; stems.has(stem); n++) stem = `${fileStem(file.name)}-${n}`;
      stems.add(stem);
      for (const passage of readFile(file, stem, options, warnings)) {
        if (seen.has(passage.id)) throw new DataImportError({ file: file.name, message: `the passage id ${JSON.stringify(passage.id)} appears twice` });
        seen.add(passage.id);
        passages.push(passage);
      }
    }
    if (passages.length === 0) throw new DataImportError({ file: files[0]?.name ?? '(none)', message: 'no passages: every passage is empty' });
  } catch (e) {
    const error: ImportError = e instanceof DataImportError ? e.detail : { file: files[0]?.name ?? '(none)', message: `could not read the file: ${e instanceof Error ? e.message : String(e)}` };
    return { ok: false, error, message: formatImportError(error) };
  }
  const first = files[0] as RawFile;
  const name = options.name ?? (files.length === 1 ? fileStem(first.name) : `${fileStem(first.name)} +${files.length - 1}`);
  const id = options.id ?? `corpus-${hashSeed(passages.map((p) => `${p.id}\u0000${p.text}`).join('\u0001')).toString(16)}`;
  return { ok: true, corpus: { id, name, passages }, warnings };
}

function readFile(file: RawFile, stem: string, options: CorpusParseOptions, warnings: string[]): CorpusPassage[] {
  const maxChars = options.maxChars ?? DEFAULT_MAX_PASSAGE_CHARS;
  const kind = corpusKind(file.name);
  switch (kind) {
    case 'text': {
      const text = decodeFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
      return chunked(textBlocks(text).map((block, i) => ({ id: `${stem}-${i + 1}`, text: block })), maxChars);
    }
    case 'markdown': {
      const text = decodeFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
      return chunked(markdownSections(text).map((s, i) => ({ id: `${stem}-${i + 1}`, text: s.text, ...(s.title ? { title: s.title } : {}) })), maxChars);
    }
    case 'records':
      // A corpus file (saveCorpus) is taken as it is: its passages and ids are already settled.
      return readCorpusFile(file, options) ?? chunked(readRecords(file, stem, options, warnings), maxChars);
    default: {
      const never: never = kind;
      throw new Error(`unknown corpus kind ${String(never)}`);
    }
  }
}

function readCorpusFile(file: RawFile, options: CorpusParseOptions): CorpusPassage[] | undefined {
  if (!file.name.toLowerCase().endsWith('.json')) return undefined;
  const text = decodeFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!text.includes(CORPUS_FORMAT)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // the records reader names the line of the syntax error
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== CORPUS_FORMAT) return undefined;
  const loaded = loadCorpus(json);
  if (!loaded.ok) throw new DataImportError({ file: file.name, message: loaded.error });
  return loaded.value.passages;
}

function readRecords(file: RawFile, stem: string, options: CorpusParseOptions, warnings: string[]): CorpusPassage[] {
  const textColumn = options.textColumn ?? 'text';
  const text = decodeFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const format = detectFormat(file.name, text);
  const table = format === 'csv' ? parseCsv(file.name, text) : format === 'json' ? parseJson(file.name, text) : parseJsonl(file.name, text);
  warnings.push(...table.warnings.map((w) => `${file.name}: ${w}`));
  const at = (name: string) => table.columns.indexOf(name);
  const textAt = at(textColumn);
  if (textAt === -1) {
    const columns = table.columns.map((c) => JSON.stringify(c)).join(', ') || 'none';
    throw new DataImportError({ file: file.name, line: 1, column: textColumn, message: `no column ${JSON.stringify(textColumn)} for the passage text (the columns are ${columns}); choose the text column` });
  }
  const idAt = at('id');
  const titleAt = at('title');
  const out: CorpusPassage[] = [];
  table.rows.forEach((row, r) => {
    const body = cell(row[textAt]);
    if (body === '') {
      warnings.push(`${file.name}: row ${r + 1} has no ${JSON.stringify(textColumn)}; skipped`);
      return;
    }
    const id = idAt === -1 ? '' : cell(row[idAt]);
    const title = titleAt === -1 ? '' : cell(row[titleAt]);
    out.push({ id: id === '' ? `${stem}-${r + 1}` : id, text: body, ...(title === '' ? {} : { title }) });
  });
  return out;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : JSON.stringify(value)).trim();
}

function chunked(passages: CorpusPassage[], maxChars: number): CorpusPassage[] {
  return passages.flatMap((p) => {
    const text = p.text.trim();
    if (text === '') return [];
    return chunkText(text, maxChars).map((piece, i) => ({ ...p, id: i === 0 ? p.id : `${p.id}#${i + 1}`, text: piece }));
  });
}

/** `notes/Intro.v2.md` → `Intro.v2`. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() || fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** Serializes one corpus as a standalone corpus file. */
export function saveCorpus(corpus: Corpus): string {
  return `${JSON.stringify({ format: CORPUS_FORMAT, version: CORPUS_VERSION, ...corpus }, null, 2)}\n`;
}

/** Validates a standalone corpus file. Errors name the path of the offending value. */
export function loadCorpus(input: unknown): { ok: true; value: Corpus } | { ok: false; error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, error: 'a corpus file is a JSON object' };
  const file = input as Record<string, unknown>;
  if (file.format !== CORPUS_FORMAT) return { ok: false, error: `not a Prompt Studio corpus (format is ${JSON.stringify(file.format)}, expected "${CORPUS_FORMAT}")` };
  if (file.version !== CORPUS_VERSION) return { ok: false, error: `unknown corpus version ${JSON.stringify(file.version)} (this one reads ${CORPUS_VERSION})` };
  const parsed = corpusSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.length ? issue.path.join('.') : 'the file'}: ${issue?.message ?? 'invalid'}` };
  }
  const duplicate = firstDuplicate(parsed.data.passages.map((p) => p.id));
  if (duplicate !== undefined) return { ok: false, error: `passages: the id ${JSON.stringify(duplicate)} appears twice` };
  return { ok: true, value: stripUndefinedTitles(parsed.data) };
}

export function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function stripUndefinedTitles(corpus: z.infer<typeof corpusSchema>): Corpus {
  return { id: corpus.id, name: corpus.name, passages: corpus.passages.map((p) => (p.title === undefined ? { id: p.id, text: p.text } : { id: p.id, text: p.text, title: p.title })) };
}
