import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject, type ProjectFile } from '../core/formats/project';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzText, prototypeIsClean, tryParse, type Json } from '../core/test-support/fuzz';
import { datasetsRepository } from './datasets';
import { DbQuotaError } from './errors';
import { importProjectFile, ProjectImportError } from './import-project';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { TABLES } from './schema';
import { dumpDb, failWritesWithQuota, freshDb, sampleProject } from './test-support';

/** A sample, cut to a few rows so each of the thousand imports stays quick. */
function smallSample(name: 'add-two-numbers' | 'support-tickets' = 'add-two-numbers'): ProjectFile {
  const file = sampleProject(name);
  return { ...file, datasets: file.datasets.map((d) => ({ ...d, rows: d.rows.slice(0, 4) })) };
}
/** Two datasets, so a failure in the second comes after the first was written: a real rollback. */
function twoDatasets(): ProjectFile {
  const file = smallSample();
  const [first] = file.datasets;
  return first ? { ...file, datasets: [first, { ...first, id: 'second', name: 'second.csv' }] } : file;
}
const valid = JSON.parse(JSON.stringify(twoDatasets())) as Json;

/** Still a valid file, but the second dataset repeats a row id: refused midway through the writes. */
const repeatedRow = fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => {
  const file = twoDatasets();
  const rows = file.datasets[1]?.rows ?? [];
  rows.splice(to % (rows.length + 1), 0, structuredClone(rows[from % rows.length] as (typeof rows)[number]));
  return JSON.stringify(file);
});

const open: StudioDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** A database that already holds a project, so "unchanged" means more than "empty". */
async function seeded(name?: string): Promise<StudioDb> {
  const db = freshDb(undefined, name);
  open.push(db);
  await importProjectFile(() => db, smallSample('support-tickets'));
  return db;
}

describe('importProjectFile under fuzzing', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('stores a file whole or rejects it leaving the database byte-for-byte as it was', async () => {
    let db = await seeded();
    let before = await dumpDb(db);
    const seen = { stored: 0, rejected: 0, rejectedMidway: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: fuzzText(valid) }, { weight: 1, arbitrary: repeatedRow }), async (text) => {
        const parsed = tryParse(text);
        if (!parsed.ok) return; // the app refuses non-JSON before the database is involved
        const outcome = await importProjectFile(() => db, parsed.value as ProjectFile).then(
          (project) => ({ ok: true as const, project }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        expect(prototypeIsClean()).toBe(true);
        if (!outcome.ok) {
          seen.rejected++;
          // Valid as a file, refused while writing (a repeated row id): the rollback case.
          if (loadProject(parsed.value).ok) seen.rejectedMidway++;
          expect(outcome.error).toBeInstanceOf(ProjectImportError);
          expect((outcome.error as Error).message).toMatch(/^project file: \S/);
          expect(await dumpDb(db)).toBe(before);
          return;
        }
        seen.stored++;
        // What was stored reads back: the project, and one dataset per dataset in the file.
        const file = parsed.value as ProjectFile;
        expect(await projectsRepository(() => db).get(outcome.project.id)).toEqual(outcome.project);
        expect(await datasetsRepository(() => db).listFor(outcome.project.id)).toHaveLength(file.datasets?.length ?? 0);
        // Start the next case from a known state again.
        db = await seeded();
        before = await dumpDb(db);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.stored).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(100);
    expect(seen.rejectedMidway).toBeGreaterThan(50);
  });

  it('a full disk at any write leaves the database byte-for-byte as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(TABLES.projects, TABLES.datasets, TABLES.datasetPages, TABLES.datasetPageIndex), fc.nat(3), async (table, allow) => {
        const name = `quota-${Math.random().toString(36).slice(2)}`;
        const first = await seeded(name);
        const before = await dumpDb(first);
        first.close();
        const db = freshDb(undefined, name);
        open.push(db);
        const quota = failWritesWithQuota(db, table, allow);
        const error = await importProjectFile(() => db, smallSample()).catch((e: unknown) => e);
        if (quota.failures() === 0) return; // the import needed fewer writes than `allow`
        expect(error).toBeInstanceOf(DbQuotaError);
        expect(await dumpDb(db)).toBe(before);
      }),
      { numRuns: 40, seed: FUZZ_SEED },
    );
  });
});

describe('importProjectFile: inputs the fuzzer found', () => {
  it('refuses a settings value nested 10,000 levels deep before touching the database', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    const text = JSON.stringify(valid).replace('"seed":0', `"seed":${'['.repeat(10_000)}0${']'.repeat(10_000)}`);
    await expect(importProjectFile(() => db, JSON.parse(text) as ProjectFile)).rejects.toThrow(/^project file: settings\.seed\.0\.0.*nested more than 100 levels deep$/);
    expect(await dumpDb(db)).toBe(before);
  });
});
