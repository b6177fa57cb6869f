import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../core/data';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, mutateJson, mutation, type Json } from '../core/test-support/fuzz';
import { datasetsRepository } from './datasets';
import { dumpDb, freshDbWithProject } from './test-support';

const jsonl = readFileSync(new URL('../../public/samples/tickets-dev.jsonl', import.meta.url), 'utf8');
const records = jsonl.trim().split('\n').slice(0, 6).map((line) => JSON.parse(line) as Json);

const t = freshDbWithProject();

describe('storing an uploaded dataset under fuzzing', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('every file parseDataset accepts is stored and reads back the same; a refused one writes nothing', async () => {
    const repo = datasetsRepository(() => t.db);
    let stored = 0;
    let before = await dumpDb(t.db);
    await fc.assert(
      fc.asyncProperty(mutation, fc.constantFrom('json', 'jsonl'), async (m, format) => {
        const text = mutateJson(records, m);
        const body = format === 'jsonl' ? jsonLines(text) : text;
        const result = parseDataset({ name: `upload.${format}`, bytes: body }, { renameColumns: 'auto', id: 'upload' });
        if (!result.ok) {
          // The upload flow stops at the error: the database is as it was.
          expect(await dumpDb(t.db)).toBe(before);
          return;
        }
        await repo.put(t.projectId, result.dataset);
        stored++;
        const back = await repo.get('upload');
        expect(back?.rows).toEqual(result.dataset.rows);
        expect(back?.fields).toEqual(result.dataset.fields);
        before = await dumpDb(t.db);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(stored).toBeGreaterThan(100);
  });
});

function jsonLines(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map((v) => JSON.stringify(v) ?? '').join('\n') : text;
  } catch {
    return text;
  }
}
