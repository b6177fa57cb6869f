import type { TrialRecord } from '../core/optimize/events';
import type { RunLocks, RunPersistence, RunRow } from './protocol';

// Test doubles for the worker's storage and locks (Node tests; the app uses db-persistence and resume-locks).

/** An in-memory store; `crash()` makes it drop every later write, as a tab that died would. */
export function memoryPersistence() {
  const runs = new Map<string, RunRow>();
  const trials: { runId: string; trial: TrialRecord }[] = [];
  const order: string[] = [];
  let dead = false;
  const persistence: RunPersistence = {
    async createRun(run) {
      if (dead) return;
      order.push(`create ${run.id}`);
      runs.set(run.id, run);
    },
    async updateRun(id, patch) {
      if (dead) return;
      order.push(`update ${id} ${patch.status ?? ''}`);
      const run = runs.get(id);
      if (!run) throw new Error(`no run ${id}`);
      runs.set(id, { ...run, ...patch });
    },
    async addTrial(runId, trial) {
      if (dead) return;
      order.push(`trial ${runId} ${trial.index}`);
      if (trials.some((t) => t.runId === runId && t.trial.index === trial.index)) throw new Error(`duplicate trial ${trial.index}`);
      trials.push({ runId, trial });
    },
    getRun: async (id) => runs.get(id),
    trialIndexes: async (runId) => trials.filter((t) => t.runId === runId).map((t) => t.trial.index),
  };
  return { persistence, runs, trials, order, crash: () => (dead = true), revive: () => (dead = false) };
}

/** Locks shared by the "tabs" of one test: a second holder of the same run is refused. */
export function memoryLocks(): RunLocks & { held: Set<string> } {
  const held = new Set<string>();
  return {
    held,
    async hold(runId, task) {
      if (held.has(runId)) return { ran: false };
      held.add(runId);
      try {
        return { ran: true, value: await task() };
      } finally {
        held.delete(runId);
      }
    },
  };
}
