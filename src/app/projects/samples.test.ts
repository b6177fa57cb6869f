import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProjectFile } from '../../db/import-project';
import { projectsRepository } from '../../db/projects';
import type { StudioDb } from '../../db/schema';
import { freshDb } from '../../db/test-support';
import { addMissingSamples, describeAddedSamples, SAMPLE_FILES, type SampleHost } from './samples';

let db: StudioDb;
const repo = projectsRepository(() => db);
const names = async () => (await repo.list()).map((p) => p.name).sort();

// The real bundled files and a real (fake-indexeddb) database: only fetch is swapped for disk.
const host = (fetchSample: SampleHost['fetchSample'] = readSample): SampleHost => ({
  fetchSample,
  projectNames: names,
  importFile: (file) => importProjectFile(() => db, file),
});
async function readSample(file: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`../../../public/samples/${file}`, import.meta.url), 'utf8'));
}

beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('addMissingSamples', () => {
  it('adds every bundled sample to an empty studio', async () => {
    const result = await addMissingSamples(host());
    expect(result.skipped).toEqual([]);
    expect(result.added).toHaveLength(SAMPLE_FILES.length);
    expect(await names()).toEqual(['Add two numbers', 'Classify support tickets', 'Multi-hop questions (RAG)']);
    expect(describeAddedSamples(result)).toBe('Added 3 sample projects: "Add two numbers", "Classify support tickets", "Multi-hop questions (RAG)".');
  });

  it('adds only the samples whose name is missing and leaves the user\u2019s projects alone', async () => {
    // A user from before the multi-hop sample shipped, with one sample renamed and one of their own.
    const first = await addMissingSamples(host());
    const [add, tickets, multihop] = first.added;
    await repo.remove(multihop!.id);
    await repo.save(add!.id, { name: 'My adder' });
    await repo.create({ name: 'Mine', graph: { nodes: [], edges: [] } });

    const result = await addMissingSamples(host());
    expect(result.added.map((r) => r.name)).toEqual(['Add two numbers', 'Multi-hop questions (RAG)']);
    expect(result.skipped).toEqual(['Classify support tickets']);
    expect(await names()).toEqual(['Add two numbers', 'Classify support tickets', 'Mine', 'Multi-hop questions (RAG)', 'My adder']);
    expect((await repo.get(tickets!.id))?.name).toBe('Classify support tickets');
    expect(describeAddedSamples(result)).toBe(
      'Added 2 sample projects: "Add two numbers", "Multi-hop questions (RAG)". Already here: "Classify support tickets".',
    );
  });

  it('adds nothing twice and says so', async () => {
    await addMissingSamples(host());
    const again = await addMissingSamples(host());
    expect(again.added).toEqual([]);
    expect(await repo.list()).toHaveLength(3);
    expect(describeAddedSamples(again)).toBe('Every sample project is already here ("Add two numbers", "Classify support tickets", "Multi-hop questions (RAG)").');
  });

  it('names the sample file when a bundled sample is not a valid project', async () => {
    const broken = host(async (file) => (file === 'support-tickets.json' ? { format: 'prompt-studio/project', version: 1, name: '' } : readSample(file)));
    await expect(addMissingSamples(broken)).rejects.toThrow(/^samples\/support-tickets\.json: /);
  });

  it('describes a single added sample in the singular', () => {
    const record = { id: 'p', name: 'Add two numbers', graph: { nodes: [], edges: [] }, settings: {}, createdAt: 1, updatedAt: 1 };
    expect(describeAddedSamples({ added: [record], skipped: [] })).toBe('Added sample project: "Add two numbers".');
  });
});
