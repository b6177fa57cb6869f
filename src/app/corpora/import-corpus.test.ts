import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../core/formats/project';
import { importProjectFile } from '../../db/import-project';
import { corpusDbPerTest } from '../../db/corpora-test-support';
import { createCorpusRetrievers } from '../../worker/retriever';
import { importCorpus } from './import-corpus';

const env = corpusDbPerTest();

describe('importCorpus (the corpus worker\'s upload)', () => {
  it('parses several Markdown files into one corpus, stores it and its index, reporting progress', async () => {
    const progress: number[] = [];
    const retrievers = createCorpusRetrievers(env.repo);
    const files = [
      { name: 'a.md', bytes: new TextEncoder().encode('# Tea\nGreen tea comes from Camellia sinensis.\n\nBlack tea is oxidised.') },
      { name: 'b.md', bytes: '# Coffee\nCoffee beans are roasted seeds.' },
    ];
    const result = await importCorpus({ projectId: env.projectId, files, options: {} }, { store: env.repo, retrievers, onProgress: (f) => progress.push(f) });
    if (!result.ok) throw new Error(result.error);
    expect(result.corpus).toMatchObject({ projectId: env.projectId, name: 'a +1', passageCount: 3 });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(await env.repo.index(result.corpus.id)).toMatchObject({ passageCount: 3 });
    const hits = await (await retrievers.retriever(result.corpus.id))?.search('roasted coffee', 1);
    expect(hits?.[0]?.text).toBe('Coffee beans are roasted seeds.');
  });

  it('returns the parse error and stores nothing', async () => {
    const result = await importCorpus({ projectId: env.projectId, files: [{ name: 'x.csv', bytes: 'body\nhello\n' }], options: {} }, { store: env.repo, retrievers: createCorpusRetrievers(env.repo), onProgress: () => undefined });
    expect(result).toEqual({ ok: false, error: 'x.csv, line 1: no column "text" for the passage text (the columns are "body"); choose the text column' });
    expect(await env.repo.listFor(env.projectId)).toEqual([]);
  });

  it('names the corpus when storing fails', async () => {
    const result = await importCorpus({ projectId: 'gone', files: [{ name: 'x.txt', bytes: 'hello' }], options: {} }, { store: env.repo, retrievers: createCorpusRetrievers(env.repo), onProgress: () => undefined });
    expect(result).toEqual({ ok: false, error: 'Could not save the corpus "x": projects: no record with id "gone"' });
  });
});

describe('the multi-hop sample project', () => {
  it('imports with its corpus, and the worker retriever serves its Retrieve nodes', async () => {
    const loaded = loadProject(JSON.parse(readFileSync(new URL('../../../public/samples/multihop-qa.json', import.meta.url), 'utf8')));
    if (!loaded.ok) throw new Error(loaded.error);
    const record = await importProjectFile(() => env.db, loaded.value);
    const [corpus] = await env.repo.listFor(record.id);
    const corpusIds = record.graph.nodes.flatMap((n) => ('config' in n && typeof n.config.corpusId === 'string' ? [n.config.corpusId] : []));
    expect(corpusIds.length).toBeGreaterThan(0);
    for (const id of corpusIds) expect(id).toBe(corpus?.id);
    const first = loaded.value.corpora?.[0]?.passages[0];
    const hits = await (await createCorpusRetrievers(env.repo).retriever(corpus!.id))?.search(first!.text, 1);
    expect(hits?.[0]?.id).toBe(first?.id);
  });
});
