import { useEffect, useState } from 'react';
import { runs as runsRepo, type RunRecord } from '../../db';
import { heldRunLocks } from '../../worker/resume-locks';
import { runLiveness, type RunLiveness } from '../../worker/resume';
import { ownRuns } from './run-liveness';

const POLL_MS = 1000;

/**
 * How each run stands for this tab: running here, running in another tab, interrupted, or
 * ended. Web Locks tell a live run from one whose tab went away; the lock list is polled (there
 * is no event for a lock being released), and a run found interrupted is marked so in the db,
 * which every open tab then sees through its live query.
 */
export function useRunLiveness(list: readonly RunRecord[] | undefined): ReadonlyMap<string, RunLiveness> {
  const [held, setHeld] = useState<ReadonlySet<string> | undefined>(undefined);
  const pending = (list ?? []).some((r) => r.status === 'running' || r.status === 'interrupted');

  useEffect(() => {
    if (!pending) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const locks = await heldRunLocks();
        if (!stopped) setHeld(locks);
      } catch {
        // No lock list this time (a browser without Web Locks): the next poll tries again.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // Polled again whenever the list changes, so a run another tab just started is not shown against an older lock list.
  }, [pending, list]);

  const liveness = new Map<string, RunLiveness>();
  for (const run of list ?? []) {
    // Until the first lock list arrives, a running run is given the benefit of the doubt.
    liveness.set(run.id, held ? runLiveness(run, held, ownRuns) : run.status === 'running' ? (ownRuns.has(run.id) ? 'here' : 'elsewhere') : runLiveness(run, new Set(), ownRuns));
  }

  const suspects = (list ?? []).filter((r) => r.status === 'running' && liveness.get(r.id) === 'interrupted').map((r) => r.id).join(' ');
  useEffect(() => {
    if (!suspects) return;
    // Checked again against a fresh lock list: the run was stored after its lock was taken, so a
    // lock missing now means its tab is gone (or it ended, which markInterrupted leaves alone).
    void heldRunLocks()
      .then((now) => Promise.all(suspects.split(' ').filter((id) => runLiveness({ id, status: 'running' }, now, ownRuns) === 'interrupted').map((id) => runsRepo.markInterrupted(id))))
      .catch(() => undefined);
  }, [suspects]);

  return liveness;
}
