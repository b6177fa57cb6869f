import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../core/formats/project';
import { corporaRepository, type CorporaRepository } from '../../db/corpora';
import { importProjectFile } from '../../db/import-project';
import { projectsRepository } from '../../db/projects';
import type { StudioDb } from '../../db/schema';
import { freshDb } from '../../db/test-support';
import { createCorpusRetrievers } from '../../worker/retriever';
import { importCorpus } from './import-corpus';

let db: StudioDb;
let repo: CorporaRepository;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  repo = corporaRepository(() => db);
  projectId = (await projectsRepository(() => db).create({ name: 'P', graph: { nodes: [], edges: [] } })).id;
});
afterEach(async () => {
  await db.delete();
});

describe('importCorpus (the corpus worker\'s upload)', () => {
  it('parses several Markdown files into one corpus, stores it and its index, reporting progress', async () => {
    const progress: number[] = [];
    const retrievers = createCorpusRetrievers(repo);
    const files = [
      { name: 'a.md', bytes: new TextEncoder().encode('# Tea\nGreen tea comes from Camellia sinensis.\n\nBlack tea is oxidised.') },
      { name: 'b.md', bytes: '# Coffee\nCoffee beans are roasted seeds.' },
    ];
    const result = await importCorpus({ projectId, files, options: {} }, { store: repo, retrievers, onProgress: (f) => progress.push(f) });
    if (!result.ok) throw new Error(result.error);
    expect(result.corpus).toMatchObject({ projectId, name: 'a +1', passageCount: 3 });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(await repo.index(result.corpus.id)).toMatchObject({ passageCount: 3 });
    const hits = await (await retrievers.retriever(result.corpus.id))?.search('roasted coffee', 1);
    expect(hits?.[0]?.text).toBe('Coffee beans are roasted seeds.');
  });

  it('returns the parse error and stores nothing', async () => {
    const result = await importCorpus({ projectId, files: [{ name: 'x.csv', bytes: 'body\nhello\n' }], options: {} }, { store: repo, retrievers: createCorpusRetrievers(repo), onProgress: () => undefined });
    expect(result).toEqual({ ok: false, error: 'x.csv, line 1: no column "text" for the passage text (the columns are "body"); choose the text column' });
    expect(await repo.listFor(projectId)).toEqual([]);
  });

  it('names the corpus when storing fails', async () => {
    const result = await importCorpus({ projectId: 'gone', files: [{ name: 'x.txt', bytes: 'hello' }], options: {} }, { store: repo, retrievers: createCorpusRetrievers(repo), onProgress: () => undefined });
    expect(result).toEqual({ ok: false, error: 'Could not save the corpus "x": projects: no record with id "gone"' });
  });
});

describe('the multi-hop sample project', () => {
  it('imports with its corpus, and the worker retriever serves its Retrieve nodes', async () => {
    const loaded = loadProject(JSON.parse(readFileSync(new URL('../../../public/samples/multihop-qa.json', import.meta.url), 'utf8')));
    if (!loaded.ok) throw new Error(loaded.error);
    const record = await importProjectFile(() => db, loaded.value);
    const [corpus] = await repo.listFor(record.id);
    const corpusIds = record.graph.nodes.flatMap((n) => ('config' in n && typeof n.config.corpusId === 'string' ? [n.config.corpusId] : []));
    expect(corpusIds.length).toBeGreaterThan(0);
    for (const id of corpusIds) expect(id).toBe(corpus?.id);
    const first = loaded.value.corpora?.[0]?.passages[0];
    const hits = await (await createCorpusRetrievers(repo).retriever(corpus!.id))?.search(first!.text, 1);
    expect(hits?.[0]?.id).toBe(first?.id);
  });
});
