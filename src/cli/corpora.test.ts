import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCorpus } from '../core/formats/corpus';
import { saveProject } from '../core/formats/project';
import { startSimServer } from '../sim/server';
import { corpusServices, loadCorpora } from './corpora';
import { main } from './main';
import { captureIo, CITIES_MARKDOWN, retrieveGraph } from './test-support';

let dir: string;
let sim: Awaited<ReturnType<typeof startSimServer>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prompt-studio-corpus-'));
  sim = await startSimServer({});
  await writeFile(join(dir, 'cities.md'), CITIES_MARKDOWN);
  await writeFile(join(dir, 'cities.csv'), 'id,text\nc1,Madrid is the capital of Spain.\nc2,Lisbon is the capital of Portugal.\n');
  await writeFile(join(dir, 'bad.csv'), 'id,body\nc1,x\n');
  await writeFile(join(dir, 'graph.json'), saveProject({ name: 'R', graph: retrieveGraph(), datasets: [], settings: {} }));
  await writeFile(join(dir, 'bundled.json'), saveProject({ name: 'R', graph: retrieveGraph({ corpusId: 'wiki' }), datasets: [], settings: {}, corpora: [{ id: 'wiki', name: 'Wiki', passages: [{ id: 'w1', text: 'Tokyo is the capital of Japan.' }] }] }));
  await writeFile(join(dir, 'solo.json'), saveCorpus({ id: 'solo', name: 'Solo', passages: [{ id: 's1', text: 'Cairo is the capital of Egypt.' }] }));
  // Two of three queries can be answered from the corpus: the score says the ranking was used.
  await writeFile(join(dir, 'queries.jsonl'), ['{"query": "Which river flows through the capital of France?", "passages": "Seine"}', '{"query": "capital of Italy", "passages": "Tiber"}', '{"query": "capital of Japan", "passages": "Tokyo"}'].join('\n'));
});
afterAll(async () => {
  await sim.close();
});

describe('--corpus', () => {
  it('evaluates a graph with a Retrieve node over a Markdown corpus file', async () => {
    const io = captureIo();
    const code = await main(['eval', '--project', join(dir, 'graph.json'), '--corpus', join(dir, 'cities.md'), '--data', join(dir, 'queries.jsonl'), '--metric', 'contains', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], io);
    expect(io.stderr.join('\n')).toContain('3/3 done, 0 errors');
    expect(code).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^score: 66\.67% on 3 examples \(0 errors\)/);
  });

  it('runs once over a corpus named on the command line, and uses a project file\'s own corpora', async () => {
    const io = captureIo();
    expect(await main(['run', '--project', join(dir, 'graph.json'), '--corpus', `cities=${join(dir, 'cities.csv')}`, '--inputs', '{"query": "capital of Portugal"}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { outputs: { passages: string[] }; trace: { action?: { kind: string } }[] };
    expect(printed.outputs.passages).toEqual(['Lisbon is the capital of Portugal.']);
    expect(printed.trace[0]?.action?.kind).toBe('retrieve');

    const bundled = captureIo();
    expect(await main(['run', '--project', join(dir, 'bundled.json'), '--inputs', '{"query": "Japan"}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], bundled)).toBe(0);
    expect(JSON.parse(bundled.stdout.join('\n')).outputs.passages).toEqual(['Tokyo is the capital of Japan.']);
  });

  it('fails the example with a clear message when the corpus is missing, and names a bad file', async () => {
    const io = captureIo();
    expect(await main(['run', '--project', join(dir, 'graph.json'), '--inputs', '{"query": "x"}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain("Retrieve 'search': no corpus 'cities' is available to this run");

    const bad = captureIo();
    expect(await main(['run', '--project', join(dir, 'graph.json'), '--corpus', join(dir, 'bad.csv'), '--inputs', '{"query": "x"}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], bad)).not.toBe(0);
    expect(bad.stderr.join('\n')).toContain('bad.csv, line 1: no column "text" for the passage text');
  });
});

describe('loadCorpora', () => {
  it('reads corpus files, project files and uploads; ids from ID=, else the file name', async () => {
    const io = captureIo();
    const corpora = await loadCorpora(io, [join(dir, 'solo.json'), join(dir, 'bundled.json'), join(dir, 'cities.md'), `other=${join(dir, 'cities.csv')}`]);
    expect([...corpora.keys()]).toEqual(['solo', 'wiki', 'cities', 'other']);
    expect(corpora.get('cities')?.passages.map((p) => p.title)).toEqual(['Paris', 'Berlin', 'Rome']);
    const again = await loadCorpora(io, [`solo=${join(dir, 'cities.csv')}`], undefined);
    expect(again.get('solo')?.passages).toHaveLength(2);
    const replaced = await loadCorpora(io, [join(dir, 'solo.json'), `solo=${join(dir, 'cities.csv')}`]);
    expect(replaced.get('solo')?.name).toBe('cities');
    expect(io.stderr.at(-1)).toContain('replaces the corpus "solo"');
  });

  it('builds each retriever once, and none for an unknown corpus', async () => {
    const corpora = await loadCorpora(captureIo(), [join(dir, 'cities.md')]);
    const services = corpusServices(corpora);
    const first = await services.retriever?.('cities');
    expect(first).toBe(await services.retriever?.('cities'));
    expect(await services.retriever?.('nope')).toBeUndefined();
    expect((await first?.search('Tiber river', 1))?.[0]?.id).toBe('cities-3');
  });
});
