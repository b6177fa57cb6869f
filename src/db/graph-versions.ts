import { canonicalJson } from '../core/lm/canonical-json';
import type { ProgramGraph } from '../core/program/types';
import { DbNotFoundError, guardWrite } from './errors';
import { newId } from './ids';
import type { GraphVersionRecord } from './records';
import type { StudioDb } from './schema';

export interface GraphVersionsRepository {
  /** Freezes the graph a run runs on; an identical graph already pinned returns its id. */
  pin(projectId: string, graph: ProgramGraph): Promise<string>;
  /** Oldest first. */
  list(projectId: string): Promise<GraphVersionRecord[]>;
  get(id: string): Promise<GraphVersionRecord | undefined>;
}

export async function graphHash(graph: ProgramGraph): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(graph));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function graphVersionsRepository(getDb: () => StudioDb, now: () => number = Date.now): GraphVersionsRepository {
  return {
    async pin(projectId, graph) {
      // Hashed before the transaction: awaiting anything but IndexedDB inside one commits it early.
      const hash = await graphHash(graph);
      const db = getDb();
      return guardWrite(`pin a graph version of project ${projectId}`, () =>
        db.transaction('rw', [db.projects, db.graphVersions], async () => {
          if (!(await db.projects.get(projectId))) throw new DbNotFoundError('projects', projectId);
          const same = await db.graphVersions.where('[projectId+hash]').equals([projectId, hash]).first();
          if (same) return same.id;
          const record: GraphVersionRecord = { id: newId(), projectId, graph, hash, createdAt: now() };
          await db.graphVersions.add(record);
          return record.id;
        }),
      );
    },

    async list(projectId) {
      return getDb().graphVersions.where('projectId').equals(projectId).sortBy('createdAt');
    },

    async get(id) {
      return getDb().graphVersions.get(id);
    },
  };
}
