import type { RunLocks } from './protocol';
import { runLockName } from './resume';

/**
 * Web Locks for runs. A lock lives as long as the tab (or its worker) that took it: a reload, a
 * crash or a closed tab releases it, which is how other tabs learn that a run was interrupted.
 */

/** Holds the run's lock while the task runs; another tab's run is never started twice. */
export function webRunLocks(locks: LockManager | undefined = globalThis.navigator?.locks): RunLocks {
  return {
    async hold(runId, task) {
      // Without Web Locks (an old browser) there is only this tab to coordinate.
      if (!locks) return { ran: true, value: await task() };
      return locks.request(runLockName(runId), { ifAvailable: true }, async (lock) => {
        if (!lock) return { ran: false as const };
        return { ran: true as const, value: await task() };
      });
    },
  };
}

/** The names of the run locks held right now by any tab of this origin. */
export async function heldRunLocks(locks: LockManager | undefined = globalThis.navigator?.locks): Promise<Set<string>> {
  if (!locks) return new Set();
  const snapshot = await locks.query();
  return new Set((snapshot.held ?? []).map((l) => l.name).filter((n): n is string => typeof n === 'string' && n.startsWith(runLockName(''))));
}
