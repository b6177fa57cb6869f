import { graphVersions, runs, trials } from '../db';
import type { RunPersistence } from './protocol';

/** The worker's persistence through D's repositories (Dexie works inside a worker too). */
export function dbPersistence(): RunPersistence {
  return {
    async createRun(run, graph) {
      const graphVersion = await graphVersions.pin(run.projectId, graph);
      await runs.create({ ...run, graphVersion });
    },
    updateRun: (id, patch) => runs.update(id, patch),
    addTrial: (runId, trial) => trials.add(runId, trial),
    getRun: (id) => runs.get(id),
    trialIndexes: async (runId) => (await trials.listFor(runId)).map((t) => t.index),
  };
}
