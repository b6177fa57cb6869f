// Helpers for this folder's tests (fake-indexeddb): fresh databases, whole-database dumps,
// and injected write failures. Not exported from index.ts.
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { loadProject, type ProjectFile } from '../core/formats/project';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { projectsRepository } from './projects';
import { LATEST_VERSION, SCHEMA_VERSIONS, StudioDb, TABLES, type SchemaVersion, type TableName } from './schema';

let counter = 0;

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(upTo: number = LATEST_VERSION, name = `test-${process.pid}-${++counter}`, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): StudioDb {
  return new StudioDb(name, upTo, versions);
}

/**
 * Every table's rows in key order, in V8's structured-clone bytes (what IndexedDB itself
 * stores): equal dumps mean every value, undefined members and key order included, is the same.
 */
export async function dumpDb(db: StudioDb): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  // Tables a version dropped (DROPPED_TABLES) have no store to read.
  const present = new Set(db.tables.map((t) => t.name));
  for (const name of Object.values(TABLES)) if (present.has(name)) dump[name] = await db.table(name).toArray();
  return serialize(dump).toString('base64');
}

/**
 * Makes writes to `table` fail with a QuotaExceededError once `allow` writes have passed, as a
 * full disk does. Call before the database's first use (Dexie middleware binds on open).
 */
export function failWritesWithQuota(db: StudioDb, table: TableName, allow = 0): { failures: () => number } {
  let seen = 0;
  let failures = 0;
  db.use({
    stack: 'dbcore',
    name: `quota-${table}`,
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const inner = down.table(name);
          if (name !== table) return inner;
          return {
            ...inner,
            mutate(req: DBCoreMutateRequest) {
              if (seen++ < allow) return inner.mutate(req);
              failures++;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            },
          };
        },
      };
    },
  });
  return { failures: () => failures };
}

/** A real sample project file from public/samples, parsed and validated as the app loads it. */
export function sampleProject(name: 'add-two-numbers' | 'support-tickets' = 'add-two-numbers'): ProjectFile {
  const url = new URL(`../../public/samples/${name}.json`, import.meta.url);
  const loaded = loadProject(JSON.parse(readFileSync(url, 'utf8')));
  if (!loaded.ok) throw new Error(`sample ${name}: ${loaded.error}`);
  return loaded.value;
}

/** Counts every read request that reaches `table` (gets, queries, counts, cursors). */
export function countReads(db: StudioDb, table: TableName): { reads: () => number } {
  let reads = 0;
  db.use({
    stack: 'dbcore',
    name: `count-reads-${table}`,
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const inner = down.table(name);
          if (name !== table) return inner;
          const counted = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
            reads++;
            return fn(...args);
          };
          return {
            ...inner,
            get: counted(inner.get.bind(inner)),
            getMany: counted(inner.getMany.bind(inner)),
            query: counted(inner.query.bind(inner)),
            openCursor: counted(inner.openCursor.bind(inner)),
            count: counted(inner.count.bind(inner)),
          };
        },
      };
    },
  });
  return { reads: () => reads };
}

/**
 * A fresh database for each test of the file, holding one empty project, deleted after the test:
 * `const t = freshDbWithProject();` then `t.db` and `t.projectId` inside the tests.
 */
export function freshDbWithProject(): { readonly db: StudioDb; readonly projectId: string } {
  const state = { db: undefined as unknown as StudioDb, projectId: '' };
  beforeEach(async () => {
    state.db = freshDb();
    state.projectId = (await projectsRepository(() => state.db).create({ name: 'P', graph: { nodes: [], edges: [] } })).id;
  });
  afterEach(async () => {
    await state.db.delete();
  });
  return state;
}
