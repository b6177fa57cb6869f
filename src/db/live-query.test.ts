import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetsRepository } from './datasets';
import { projectsRepository } from './projects';
import type { StudioDb } from './schema';
import { freshDb } from './test-support';

// The studio reads repositories through dexie-react-hooks' useLiveQuery, which is liveQuery:
// these tests pin that repository reads (transactions included) re-run when their rows change.

let db: StudioDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** Collects what a live query emits and lets a test wait for the emission it expects. */
function watch<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const waiters: { test: (value: T) => boolean; resolve: (value: T) => void }[] = [];
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      seen.push(value);
      for (const w of [...waiters]) {
        if (w.test(value)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(value);
        }
      }
    },
  });
  return {
    until(test: (value: T) => boolean): Promise<T> {
      const hit = seen.find(test);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    stop: () => subscription.unsubscribe(),
  };
}

describe('live queries over the repositories', () => {
  it('re-lists projects when one is created or renamed', async () => {
    const repo = projectsRepository(() => db);
    const live = watch(() => repo.list());
    await live.until((list) => list.length === 0);
    const created = await repo.create({ name: 'Adder', graph: { nodes: [], edges: [] } });
    await live.until((list) => list.length === 1);
    await repo.save(created.id, { name: 'Adder 2' });
    expect((await live.until((list) => list[0]?.name === 'Adder 2'))[0]?.id).toBe(created.id);
    live.stop();
  });

  it('re-reads a project\'s datasets when a row is added or edited', async () => {
    const project = await projectsRepository(() => db).create({ name: 'P', graph: { nodes: [], edges: [] } });
    const repo = datasetsRepository(() => db);
    await repo.put(project.id, { id: 'd', name: 'd.csv', fields: [], inputKeys: ['a'], rows: [{ id: 'r1', data: { a: 1 } }] });
    const live = watch(() => repo.listFor(project.id));
    await live.until((list) => list[0]?.rows.length === 1);
    await repo.addRow('d', { id: 'r2', data: { a: 2 } });
    await live.until((list) => list[0]?.rows.length === 2);
    await repo.updateRow('d', 'r1', { a: 10 });
    await live.until((list) => list[0]?.rows[0]?.data.a === 10);
    live.stop();
  });
});
