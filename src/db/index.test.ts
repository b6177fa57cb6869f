import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createIndexedDbCacheStore, datasets, deleteStudioDb, importProjectFile, projects, providers, runs, studioDb, trials } from './index';
import { sampleProject } from './test-support';

afterEach(async () => {
  await deleteStudioDb();
});

describe('the app database (src/db/index.ts)', () => {
  it('wires every repository to the one database named prompt-studio', async () => {
    const project = await importProjectFile(sampleProject());
    expect(studioDb().name).toBe('prompt-studio');
    expect((await projects.list()).map((p) => p.name)).toEqual(['Add two numbers']);
    expect((await datasets.listFor(project.id))[0]?.rows).toHaveLength(60);
    await runs.create({ id: 'r', projectId: project.id, kind: 'evaluate', optimizer: 'none', config: {}, seed: 0, status: 'running', startedAt: 1 });
    await trials.add('r', { index: 0, label: 'baseline', candidate: {}, score: 1, subset: 'full', examples: [], usage: { calls: 2, cachedCalls: 0, totalTokens: 20 }, elapsedMs: 1 });
    expect((await runs.get('r'))?.usage.calls).toBe(2);
    await providers.put({ id: 'groq', name: 'Groq', baseURL: 'https://api.groq.com/openai/v1', models: [], remember: false, apiKey: 'gsk-secret' });
    expect(await providers.list()).toEqual([{ id: 'groq', name: 'Groq', baseURL: 'https://api.groq.com/openai/v1', models: [], remember: false }]);
    await createIndexedDbCacheStore().set('k', { texts: ['x'], model: 'm', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, createdAt: 0 });
    expect(await createIndexedDbCacheStore().size()).toBe(1);
  });

  it('erases everything with deleteStudioDb', async () => {
    await projects.create({ name: 'Temporary', graph: { nodes: [], edges: [] } });
    await deleteStudioDb();
    expect(await projects.list()).toEqual([]);
    expect(await createIndexedDbCacheStore().size()).toBe(0);
  });
});
