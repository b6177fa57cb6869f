import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { graphVersions, runs, trials } from '../../db';
import type { RunRecord } from '../../db';
import { useProjectStore } from '../state/project-store';
import { runLabel } from './compare-data';
import { liveRunFromStored } from './live-run';
import { RunCompare } from './RunCompare';
import { useRunStore } from './runStore';
import { GraphVersions, versionNumbers } from './GraphVersions';
import { RunStatusCell } from './RunStatusCell';
import { useRunLiveness } from './useRunLiveness';
import { WatchedRun } from './WatchedRun';

/** Past runs of the project, newest first, as the worker stored them; any can be reopened. */
export function RunHistory({ projectId }: { projectId: string }) {
  const list = useLiveQuery(() => runs.listFor(projectId), [projectId]);
  const start = useRunStore((s) => s.start);
  const [error, setError] = useState<string>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [comparing, setComparing] = useState(false);
  const [watching, setWatching] = useState<string>();
  const [focusVersion, setFocusVersion] = useState<string>();
  const liveness = useRunLiveness(list);
  const versionList = useLiveQuery(() => graphVersions.list(projectId), [projectId]);
  const numbers = useMemo(() => versionNumbers(versionList ?? []), [versionList]);
  // Oldest first, so colours follow the order the runs happened in.
  const selected = useMemo(() => (list ?? []).filter((r) => picked.has(r.id)).reverse(), [list, picked]);
  if (!list || list.length === 0) return null;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  const reopen = async (run: RunRecord) => {
    try {
      const [stored, version] = await Promise.all([trials.listFor(run.id), run.graphVersion ? graphVersions.get(run.graphVersion) : undefined]);
      // Without a pinned graph (an older run) the diff compares against today's graph.
      const graph = version?.graph ?? useProjectStore.getState().graph;
      start(liveRunFromStored(run, stored, graph));
      setError(undefined);
    } catch (e) {
      setError(`Could not open run ${run.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <details className="run-history">
      <summary>Run history ({list.length})</summary>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" disabled={selected.length < 2} onClick={() => setComparing(true)}>
          Compare selected ({selected.length})
        </button>
      </div>
      {comparing && selected.length > 0 && <RunCompare runs={selected} onClose={() => setComparing(false)} />}
      {watching && <WatchedRun runId={watching} onClose={() => setWatching(undefined)} />}
      <table aria-label="Run history">
        <thead>
          <tr>
            <th>Compare</th>
            <th>Started</th>
            <th>Kind</th>
            <th>Optimizer</th>
            <th>Graph</th>
            <th>Status</th>
            <th>Score</th>
            <th title="Provider calls the run paid for (cache hits not counted), bootstrapping and proposals included">Calls</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id}>
              <td>
                <input type="checkbox" aria-label={`Compare ${runLabel(r)}`} checked={picked.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
              </td>
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>{r.kind}</td>
              <td>{r.optimizer}</td>
              <td>
                {r.graphVersion && numbers.has(r.graphVersion) ? (
                  <button type="button" className="link" aria-label={`Show graph version ${numbers.get(r.graphVersion)}`} onClick={() => setFocusVersion(r.graphVersion)}>
                    v{numbers.get(r.graphVersion)}
                  </button>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <RunStatusCell run={r} liveness={liveness.get(r.id)} onWatch={() => setWatching(r.id)} />
              </td>
              <td>{r.score === undefined ? '—' : r.score.toFixed(3)}</td>
              <td>{r.spent?.calls ?? r.usage.calls}</td>
              <td>
                <button type="button" className="link" disabled={r.status === 'running' || r.status === 'interrupted'} aria-label={`Open run ${r.id}`} onClick={() => void reopen(r)}>
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <GraphVersions projectId={projectId} runs={list} focus={focusVersion} />
    </details>
  );
}
