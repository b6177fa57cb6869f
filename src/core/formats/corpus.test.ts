import { describe, expect, it } from 'vitest';
import { chunkText, markdownSections } from './corpus-text';
import { CORPUS_FORMAT, corpusKind, loadCorpus, parseCorpusFiles, saveCorpus, type CorpusParseResult } from './corpus';
import { loadProject, saveProject } from './project';

function ok(result: CorpusParseResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('parseCorpusFiles', () => {
  it('splits plain text into passages at blank lines, with stable ids', () => {
    const file = { name: 'notes.txt', bytes: 'Paris is the capital of France.\n\n\n  Berlin is in Germany.\nIt is big.\r\n\r\nRome.' };
    const { corpus } = ok(parseCorpusFiles([file]));
    expect(corpus.name).toBe('notes');
    expect(corpus.passages).toEqual([
      { id: 'notes-1', text: 'Paris is the capital of France.' },
      { id: 'notes-2', text: 'Berlin is in Germany.\nIt is big.' },
      { id: 'notes-3', text: 'Rome.' },
    ]);
    expect(ok(parseCorpusFiles([file])).corpus.id).toBe(corpus.id);
    expect(ok(parseCorpusFiles([{ ...file, bytes: 'Other text.' }])).corpus.id).not.toBe(corpus.id);
  });

  it('splits Markdown at headings and paragraphs, keeping the heading as the title, over several files', () => {
    const a = { name: 'docs/guide.md', bytes: '---\ntitle: x\n---\nIntro line.\n\n# Setup\nInstall it.\n\nThen run it.\n\n## Fences\n```sh\nnpm i\n\nnpm start\n```\n' };
    const b = { name: 'faq.markdown', bytes: '# FAQ #\nWhy? Because.' };
    const { corpus } = ok(parseCorpusFiles([a, b]));
    expect(corpus.name).toBe('guide +1');
    expect(corpus.passages).toEqual([
      { id: 'guide-1', text: 'Intro line.' },
      { id: 'guide-2', title: 'Setup', text: 'Install it.' },
      { id: 'guide-3', title: 'Setup', text: 'Then run it.' },
      { id: 'guide-4', title: 'Fences', text: '```sh\nnpm i\n\nnpm start\n```' },
      { id: 'faq-1', title: 'FAQ', text: 'Why? Because.' },
    ]);
  });

  it('keeps two files with the same name apart', () => {
    const { corpus } = ok(parseCorpusFiles([{ name: 'a/x.md', bytes: 'one' }, { name: 'b/x.md', bytes: 'two' }]));
    expect(corpus.passages.map((p) => p.id)).toEqual(['x-1', 'x-2-1']);
  });

  it('reads the text column of a CSV, with id and title columns when present', () => {
    const csv = 'id,title,text,extra\nd1,Paris,"Paris is the capital, of France.",1\n,Berlin,Berlin is in Germany.,2\nd3,Empty,,3\n';
    const result = ok(parseCorpusFiles([{ name: 'wiki.csv', bytes: csv }]));
    expect(result.corpus.passages).toEqual([
      { id: 'd1', title: 'Paris', text: 'Paris is the capital, of France.' },
      { id: 'wiki-2', title: 'Berlin', text: 'Berlin is in Germany.' },
    ]);
    expect(result.warnings).toEqual(['wiki.csv: row 3 has no "text"; skipped']);
  });

  it('reads JSONL and JSON records with a chosen text column', () => {
    const jsonl = '{"body": "alpha beta", "id": 7}\n{"body": "gamma"}\n';
    expect(ok(parseCorpusFiles([{ name: 'p.jsonl', bytes: jsonl }], { textColumn: 'body' })).corpus.passages).toEqual([
      { id: '7', text: 'alpha beta' },
      { id: 'p-2', text: 'gamma' },
    ]);
    const json = JSON.stringify([{ text: 'one' }, { text: 'two' }]);
    expect(ok(parseCorpusFiles([{ name: 'p.json', bytes: json }])).corpus.passages.map((p) => p.text)).toEqual(['one', 'two']);
  });

  it('names the file, line and column when the text column is missing', () => {
    const result = parseCorpusFiles([{ name: 'wiki.csv', bytes: 'title,body\nA,B\n' }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: 'wiki.csv', line: 1, column: 'text' });
    expect(result.message).toBe('wiki.csv, line 1: no column "text" for the passage text (the columns are "title", "body"); choose the text column');
  });

  it('reports broken records, empty files, repeated ids and an empty corpus', () => {
    const broken = parseCorpusFiles([{ name: 'p.jsonl', bytes: '{"text": "a"}\n{"text": \n' }]);
    expect(broken.ok || broken.message).toMatch(/^p\.jsonl, line 2: /);
    const empty = parseCorpusFiles([{ name: 'e.txt', bytes: '' }]);
    expect(empty.ok || empty.message).toBe('e.txt: the file is empty');
    const repeated = parseCorpusFiles([{ name: 'r.csv', bytes: 'id,text\na,x\na,y\n' }]);
    expect(repeated.ok || repeated.message).toBe('r.csv: the passage id "a" appears twice');
    const blank = parseCorpusFiles([{ name: 'b.csv', bytes: 'text,n\n,1\n' }]);
    expect(blank.ok || blank.message).toBe('b.csv: no passages: every passage is empty');
    expect(parseCorpusFiles([]).ok).toBe(false);
  });

  it('chunks long passages with ids derived from the passage', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const { corpus } = ok(parseCorpusFiles([{ name: 'long.txt', bytes: long }], { maxChars: 120 }));
    expect(corpus.passages.length).toBeGreaterThan(5);
    expect(corpus.passages[0]?.id).toBe('long-1');
    expect(corpus.passages[1]?.id).toBe('long-1#2');
    for (const p of corpus.passages) expect(p.text.length).toBeLessThanOrEqual(120);
    expect(corpus.passages.map((p) => p.text).join(' ')).toBe(long);
  });
});

describe('chunkText and markdownSections', () => {
  it('splits at words, then hard, when a sentence is too long', () => {
    expect(chunkText('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc']);
    expect(chunkText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(() => chunkText('x', 0)).toThrow(/maxChars/);
  });

  it('ignores # inside a fence and strips closing hashes', () => {
    expect(markdownSections('## A ##\n```\n# not a heading\n```')).toEqual([{ title: 'A', text: '```\n# not a heading\n```' }]);
  });

  it('picks the reader from the file name', () => {
    expect([corpusKind('a.MD'), corpusKind('a.txt'), corpusKind('a'), corpusKind('a.csv'), corpusKind('a.ndjson')]).toEqual(['markdown', 'text', 'text', 'records', 'records']);
  });
});

describe('corpus files and project files', () => {
  const corpus = { id: 'wiki', name: 'Wiki', passages: [{ id: 'p1', text: 'Paris | capital of France', title: 'Paris' }, { id: 'p2', text: 'Berlin' }] };

  it('takes an uploaded corpus file as it is', () => {
    const { corpus: read } = ok(parseCorpusFiles([{ name: 'wiki.json', bytes: saveCorpus(corpus) }], { maxChars: 5 }));
    expect(read.passages).toEqual(corpus.passages);
    const broken = parseCorpusFiles([{ name: 'wiki.json', bytes: JSON.stringify({ format: CORPUS_FORMAT, version: 1, id: 'x', name: 'x', passages: 3 }) }]);
    expect(broken.ok || broken.message).toMatch(/^wiki\.json: passages: /);
  });

  it('round-trips a standalone corpus file', () => {
    const loaded = loadCorpus(JSON.parse(saveCorpus(corpus)));
    expect(loaded).toEqual({ ok: true, value: corpus });
    expect(loadCorpus({ format: CORPUS_FORMAT, version: 1, id: 'x', name: 'x', passages: [{ id: 'a' }] })).toEqual({ ok: false, error: 'passages.0.text: Invalid input: expected string, received undefined' });
    expect(loadCorpus({ format: 'other' })).toMatchObject({ ok: false, error: expect.stringContaining('not a Prompt Studio corpus') });
    expect(loadCorpus({ ...corpus, format: CORPUS_FORMAT, version: 1, passages: [corpus.passages[1], corpus.passages[1]] })).toEqual({ ok: false, error: 'passages: the id "p2" appears twice' });
  });

  it('keeps corpora in a project file, optional and validated', () => {
    const base = { name: 'P', graph: { nodes: [], edges: [] }, datasets: [], settings: {} };
    const loaded = loadProject(JSON.parse(saveProject({ ...base, corpora: [corpus] })));
    expect(loaded.ok && loaded.value.corpora).toEqual([corpus]);
    const without = loadProject(JSON.parse(saveProject(base)));
    expect(without.ok && without.value.corpora).toBeUndefined();
    const twice = loadProject(JSON.parse(saveProject({ ...base, corpora: [corpus, corpus] })));
    expect(twice).toEqual({ ok: false, error: 'corpora: the id "wiki" appears twice' });
    const bad = loadProject(JSON.parse(saveProject({ ...base, corpora: [{ ...corpus, passages: [{ id: '', text: 'x' }] }] })));
    expect(bad.ok || bad.error).toMatch(/^corpora\.0\.passages\.0\.id: /);
  });
});
