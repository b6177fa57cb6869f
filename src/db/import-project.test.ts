import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../core/formats/project';
import { datasetsRepository } from './datasets';
import { DbQuotaError } from './errors';
import { importProjectFile, ProjectImportError } from './import-project';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { dumpDb, failWritesWithQuota, freshDb, sampleProject } from './test-support';

let db: StudioDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** Something already stored, so "unchanged" means more than "empty". */
async function seed(): Promise<void> {
  await importProjectFile(() => db, sampleProject('support-tickets'));
}

describe('importProjectFile', () => {
  it('stores the project and its datasets', async () => {
    const file = sampleProject();
    const project = await importProjectFile(() => db, file);
    expect(project).toMatchObject({ name: 'Add two numbers', graph: file.graph, settings: file.settings });
    expect(await projectsRepository(() => db).get(project.id)).toEqual(project);
    const stored = await datasetsRepository(() => db).listFor(project.id);
    expect(stored.map(({ projectId: _p, updatedAt: _u, ...dataset }) => dataset)).toEqual(file.datasets);
  });

  it('gives datasets fresh ids when the same file is imported twice, and settings follow', async () => {
    const file: ProjectFile = { ...sampleProject(), settings: { ...sampleProject().settings, datasetId: 'add-data' } };
    const first = await importProjectFile(() => db, file);
    const second = await importProjectFile(() => db, file);
    const [a] = await datasetsRepository(() => db).listFor(first.id);
    const [b] = await datasetsRepository(() => db).listFor(second.id);
    expect(a?.id).toBe('add-data');
    expect(b?.id).not.toBe('add-data');
    expect(second.settings.datasetId).toBe(b?.id);
    expect(b?.rows).toEqual(a?.rows);
  });

  it('leaves the database byte-for-byte unchanged when a dataset is rejected midway', async () => {
    await seed();
    const before = await dumpDb(db);
    const file = sampleProject();
    const good = file.datasets[0]!;
    // The first dataset is fine and gets written; the second repeats a row id, so all is undone.
    const bad = { ...good, id: 'bad', name: 'bad.csv', rows: [good.rows[0]!, good.rows[0]!] };
    const error = await importProjectFile(() => db, { ...file, datasets: [good, bad] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectImportError);
    expect((error as Error).message).toMatch(/dataset "bad.csv": row 2 repeats the row id "row-1"/);
    expect(await dumpDb(db)).toBe(before);
    // Control: the dump does see a change, so the equality above is not vacuous.
    await importProjectFile(() => db, file);
    expect(await dumpDb(db)).not.toBe(before);
  });

  it('rejects an invalid file before writing, naming the field', async () => {
    await seed();
    const before = await dumpDb(db);
    const broken = { ...sampleProject(), name: '' } as ProjectFile;
    await expect(importProjectFile(() => db, broken)).rejects.toThrow(/project file: name:/);
    const twice = { ...sampleProject(), datasets: [sampleProject().datasets[0]!, sampleProject().datasets[0]!] };
    await expect(importProjectFile(() => db, twice)).rejects.toThrow(/datasets: the id "add-data" appears twice/);
    expect(await dumpDb(db)).toBe(before);
  });

  it('reports a full disk as DbQuotaError and leaves the database unchanged', async () => {
    failWritesWithQuota(db, 'datasetPages', 2);
    await seed();
    const before = await dumpDb(db);
    const error = await importProjectFile(() => db, sampleProject()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbQuotaError);
    expect((error as Error).message).toMatch(/could not import project "Add two numbers"\. Nothing was written/);
    expect(await dumpDb(db)).toBe(before);
  });
});
