import { useLiveQuery } from 'dexie-react-hooks';
import { graphVersions, runs, trials, type RunRecord } from '../../db';
import type { RunProgress } from '../../core/optimize/events';
import { useProjectStore } from '../state/project-store';
import { liveRunFromStored } from './live-run';
import { LiveRunView } from './LiveRunView';

/**
 * Progress as the database has it: what another tab's run has recorded so far. What it paid
 * comes from its saved spending (every provider call, bootstrapping and proposals included)
 * when there is one; runs stored before that was saved fall back to their trials' totals.
 */
export function storedProgress(run: Pick<RunRecord, 'usage' | 'plan' | 'status' | 'spent'>): RunProgress {
  const planned = run.plan ? run.plan.taskCalls + run.plan.promptCalls : 0;
  const paid = run.spent ?? { calls: run.usage.calls, tokens: run.usage.totalTokens, cost: run.usage.cost };
  const done = paid.calls + run.usage.cachedCalls;
  return {
    calls: paid.calls,
    cachedCalls: run.usage.cachedCalls,
    tokens: paid.tokens,
    cost: paid.cost,
    savedTokens: 0,
    fraction: run.status === 'running' ? (planned > 0 ? Math.min(1, done / planned) : 0) : 1,
  };
}

/**
 * A run that another tab is running, watched live: Dexie's live queries see that tab's writes,
 * so the trials and totals update here as they are stored. No Cancel: only the owning tab can.
 */
export function WatchedRun({ runId, onClose }: { runId: string; onClose: () => void }) {
  const view = useLiveQuery(async () => {
    const run = await runs.get(runId);
    if (!run) return undefined;
    const [stored, version] = await Promise.all([trials.listFor(runId), run.graphVersion ? graphVersions.get(run.graphVersion) : undefined]);
    return { run, stored, graph: version?.graph ?? useProjectStore.getState().graph };
  }, [runId]);
  if (!view) return null;
  const live = { ...liveRunFromStored(view.run, view.stored, view.graph), progress: storedProgress(view.run) };
  const elsewhere = view.run.status === 'running';
  return (
    <div className="watched-run">
      <p className="hint" role="status">
        {elsewhere ? 'Running in another tab: watching its progress (cancel it from that tab).' : `This run has ${view.run.status}.`}{' '}
        <button type="button" className="link" onClick={onClose}>
          Stop watching
        </button>
      </p>
      <LiveRunView run={{ ...live, label: `${live.label.replace(', stored', '')}` }} />
    </div>
  );
}
