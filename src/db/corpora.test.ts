import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../core/formats/corpus';
import type { ProjectFile } from '../core/formats/project';
import type { ProgramGraph } from '../core/program/types';
import { corporaRepository } from './corpora';
import { DbQuotaError } from './errors';
import { importProjectFile } from './import-project';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { dumpDb, failWritesWithQuota, freshDb, sampleProject } from './test-support';

let db: StudioDb;
let clock = 1000;
const tick = () => clock++;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const wiki: Corpus = {
  id: 'wiki',
  name: 'Wiki',
  passages: Array.from({ length: 25 }, (_, i) => (i % 2 ? { id: `p${i}`, text: `passage ${i}` } : { id: `p${i}`, text: `passage ${i}`, title: `T${i}` })),
};

const retrieveGraph: ProgramGraph = {
  nodes: [{ id: 'r', type: 'Retrieve', name: 'search', signature: { instructions: '', inputs: [{ name: 'query', type: 'str' }], outputs: [{ name: 'passages', type: 'list[str]' }] }, config: { corpusId: 'wiki', k: 3 } }],
  edges: [],
};

async function project(name = 'P'): Promise<string> {
  return (await projectsRepository(() => db, tick).create({ name, graph: { nodes: [], edges: [] } })).id;
}

describe('corpora repository', () => {
  it('stores a corpus, lists it with its passage count, pages and loads its passages', async () => {
    const repo = corporaRepository(() => db, tick);
    const pid = await project();
    const record = await repo.create(pid, wiki);
    expect(record).toMatchObject({ id: 'wiki', projectId: pid, name: 'Wiki', passageCount: 25 });
    expect(await repo.listFor(pid)).toEqual([record]);
    expect(await repo.get('wiki')).toEqual(record);
    expect(await repo.passages('wiki', { offset: 10, limit: 3 })).toEqual(wiki.passages.slice(10, 13));
    expect(await repo.load('wiki')).toEqual(wiki);
    expect(await repo.exportFor(pid)).toEqual([wiki]);
    expect(await repo.listFor('other')).toEqual([]);
  });

  it('gives a fresh id when another project owns the id, and replaces within the same project', async () => {
    const repo = corporaRepository(() => db, tick);
    const a = await project('A');
    const b = await project('B');
    await repo.create(a, wiki);
    const other = await repo.create(b, wiki);
    expect(other.id).not.toBe('wiki');
    const replaced = await repo.create(a, { ...wiki, passages: wiki.passages.slice(0, 2) });
    expect(replaced.id).toBe('wiki');
    expect((await repo.listFor(a)).map((c) => c.passageCount)).toEqual([2]);
    expect(await repo.passages('wiki', { offset: 0, limit: Infinity })).toHaveLength(2);
    expect(await repo.passages(other.id, { offset: 0, limit: Infinity })).toHaveLength(25);
  });

  it('rejects repeated passage ids and an unknown project', async () => {
    const repo = corporaRepository(() => db, tick);
    const pid = await project();
    await expect(repo.create(pid, { ...wiki, passages: [wiki.passages[0]!, wiki.passages[0]!] })).rejects.toThrow('corpus "Wiki": the passage id "p0" appears twice');
    await expect(repo.create('nope', wiki)).rejects.toThrow(/projects: no record with id "nope"/);
  });

  it('keeps an index only for the corpus version it was built from', async () => {
    const repo = corporaRepository(() => db, tick);
    const pid = await project();
    const first = await repo.create(pid, wiki);
    await repo.saveIndex('wiki', '{"index":1}', first.updatedAt);
    expect(await repo.index('wiki')).toMatchObject({ corpusId: 'wiki', kind: 'bm25', index: '{"index":1}', passageCount: 25 });
    const second = await repo.create(pid, wiki);
    expect(await repo.index('wiki')).toBeUndefined();
    await repo.saveIndex('wiki', 'stale', first.updatedAt);
    expect(await repo.index('wiki')).toBeUndefined();
    await repo.saveIndex('wiki', 'fresh', second.updatedAt);
    expect((await repo.index('wiki'))?.index).toBe('fresh');
  });

  it('deletes a corpus with its passages and index', async () => {
    const repo = corporaRepository(() => db, tick);
    const pid = await project();
    const record = await repo.create(pid, wiki);
    await repo.saveIndex('wiki', 'x', record.updatedAt);
    await repo.remove('wiki');
    expect(await repo.get('wiki')).toBeUndefined();
    expect(await db.corpusPassages.count()).toBe(0);
    expect(await db.corpusIndexes.count()).toBe(0);
  });

  it('goes with its project: copied (Retrieve follows the new id) and deleted', async () => {
    const projects = projectsRepository(() => db, tick);
    const repo = corporaRepository(() => db, tick);
    const pid = (await projects.create({ name: 'P', graph: retrieveGraph })).id;
    await repo.create(pid, wiki);
    const copy = await projects.duplicate(pid);
    const [copied] = await repo.listFor(copy.id);
    expect(copied?.id).not.toBe('wiki');
    expect(copy.graph.nodes[0]).toMatchObject({ config: { corpusId: copied?.id, k: 3 } });
    expect(await repo.load(copied!.id)).toEqual({ ...wiki, id: copied!.id });
    await projects.remove(pid);
    expect(await repo.get('wiki')).toBeUndefined();
    expect(await db.corpusPassages.count()).toBe(25);
  });
});

describe('project files with corpora', () => {
  const file = (): ProjectFile => ({ ...sampleProject(), graph: retrieveGraph, corpora: [wiki] });

  it('stores the corpora on import; a second import takes fresh ids and its graph follows', async () => {
    const repo = corporaRepository(() => db);
    const first = await importProjectFile(() => db, file());
    expect(await repo.exportFor(first.id)).toEqual([wiki]);
    expect(first.graph).toEqual(retrieveGraph);
    const second = await importProjectFile(() => db, file());
    const [again] = await repo.listFor(second.id);
    expect(again?.id).not.toBe('wiki');
    expect(second.graph.nodes[0]).toMatchObject({ config: { corpusId: again?.id } });
  });

  it('writes nothing at all when storing a corpus fails midway', async () => {
    const quota = failWritesWithQuota(db, 'corpusPassages');
    await importProjectFile(() => db, sampleProject('support-tickets'));
    const before = await dumpDb(db);
    const error = await importProjectFile(() => db, file()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbQuotaError);
    expect(quota.failures()).toBe(1);
    expect(await dumpDb(db)).toBe(before);
  });
});
