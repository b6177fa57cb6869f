import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProject } from '../core/formats/project';
import { startSimServer } from '../sim/server';
import { embeddingCacheKey } from '../core/retrieve/embedding';
import { cliEmbeddings } from './corpus-embeddings';
import { createFileCacheStore } from './file-cache';
import { main } from './main';
import { captureIo, CITIES_MARKDOWN, retrieveGraph } from './test-support';

let dir: string;
let sim: Awaited<ReturnType<typeof startSimServer>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prompt-studio-embed-'));
  sim = await startSimServer({});
  await writeFile(join(dir, 'cities.md'), CITIES_MARKDOWN);
  await writeFile(join(dir, 'embedding.json'), saveProject({ name: 'E', graph: retrieveGraph({ search: 'embedding' }), datasets: [], settings: {} }));
  await writeFile(join(dir, 'named.json'), saveProject({ name: 'E', graph: retrieveGraph({ search: 'embedding', embeddingModel: 'emb-from-node' }), datasets: [], settings: {} }));
  await writeFile(join(dir, 'queries.jsonl'), ['{"query": "Which river flows through the capital of France?", "passages": "Seine"}', '{"query": "Italy capital Tiber", "passages": "Rome"}', '{"query": "Germany Spree", "passages": "Berlin"}'].join('\n'));
});
afterAll(async () => {
  await sim.close();
});

describe('cliEmbeddings.using', () => {
  it("searches through the given embedder (an optimize run's metered one), with the same cache and model", () => {
    const flags = { 'base-url': sim.url, model: 'sim-1', 'embedding-model': 'emb-flag', 'cache-dir': join(dir, 'using-cache') };
    const own = cliEmbeddings(flags, captureIo());
    const runEmbedder = { embed: () => Promise.reject(new Error('not called here')) };
    const run = own.using(runEmbedder);
    expect(run.embedder()).toBe(runEmbedder);
    expect(own.embedder()).not.toBe(runEmbedder);
    expect(run.model).toBe('emb-flag');
    expect(run.cache).toBe(own.cache);
  });
});

describe('CLI embedding search', () => {
  it('evaluates a Retrieve graph in embedding mode, then again from the file cache with no embedding requests', async () => {
    const args = (cacheDir: string) => ['eval', '--project', join(dir, 'embedding.json'), '--corpus', join(dir, 'cities.md'), '--data', join(dir, 'queries.jsonl'), '--metric', 'contains', '--base-url', sim.url, '--model', 'sim-1', '--embedding-model', 'emb-cli', '--cache-dir', cacheDir];
    const cacheDir = join(dir, 'cache');
    const before = sim.stats().embeddings;
    const first = captureIo();
    expect(await main(args(cacheDir), first)).toBe(0);
    expect(first.stdout.at(-1)).toMatch(/^score: 100\.00% on 3 examples \(0 errors\)/);
    expect(sim.stats().embeddings).toBeGreaterThan(before);

    const afterFirst = sim.stats().embeddings;
    const second = captureIo();
    expect(await main(args(cacheDir), second)).toBe(0);
    expect(second.stdout.at(-1)).toBe(first.stdout.at(-1));
    expect(sim.stats().embeddings).toBe(afterFirst);
  });

  it("runs with the node's own embedding model over the flag's, and reports a provider error naming the node", async () => {
    const io = captureIo();
    const cacheDir = join(dir, 'named-cache');
    expect(await main(['run', '--project', join(dir, 'named.json'), '--corpus', join(dir, 'cities.md'), '--inputs', '{"query": "capital of Germany"}', '--base-url', sim.url, '--model', 'sim-1', '--embedding-model', 'emb-flag', '--cache-dir', cacheDir], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { outputs: { passages: string[] } };
    expect(printed.outputs.passages).toEqual(['Berlin is the capital of Germany, on the Spree.']);
    const cache = createFileCacheStore({ dir: cacheDir });
    expect(await cache.get(await embeddingCacheKey('emb-from-node', 'capital of Germany'))).toBeDefined();
    expect(await cache.get(await embeddingCacheKey('emb-flag', 'capital of Germany'))).toBeUndefined();

    const down = captureIo();
    const code = await main(['run', '--project', join(dir, 'embedding.json'), '--corpus', join(dir, 'cities.md'), '--inputs', '{"query": "Rome"}', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'sim-1', '--no-cache', '--timeout-ms', '2000'], down);
    expect(code).toBe(1);
    expect((JSON.parse(down.stdout.join('\n')) as { error: string }).error).toMatch(/^Retrieve 'search': the search failed: /);
  });

  it('takes the model from --embedding-model, a default otherwise, and refuses an empty one', () => {
    const io = captureIo();
    expect(cliEmbeddings({ 'base-url': sim.url, model: 'sim-1' }, io).model).toBe('text-embedding-3-small');
    expect(cliEmbeddings({ 'embedding-model': ' emb-x ' }, io).model).toBe('emb-x');
    expect(() => cliEmbeddings({ 'embedding-model': ' ' }, io)).toThrow('--embedding-model is empty');
    expect(cliEmbeddings({ 'no-cache': true }, io).cache).toBeUndefined();
    expect(() => cliEmbeddings({}, io).embedder()).toThrow('--base-url is required');
  });
});
