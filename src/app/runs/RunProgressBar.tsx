import type { LiveRun } from './live-run';
import { formatCost } from './PlanSummary';

function eta(ms: number | undefined): string {
  if (ms === undefined) return 'estimating…';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s left` : `${Math.floor(s / 60)}m ${s % 60}s left`;
}

/** Calls, tokens, cost and ETA for an optimization; examples done for an evaluation. */
export function RunProgressBar({ run }: { run: LiveRun }) {
  const done = run.status !== 'running';
  if (run.kind === 'evaluate') {
    const p = run.evalProgress;
    const fraction = done ? 1 : p ? p.done / Math.max(1, p.total) : 0;
    return (
      <div className="run-progress">
        <progress aria-label="Run progress" value={fraction} max={1} />
        <span>{p ? `${p.done}/${p.total} examples, mean so far ${p.meanSoFar.toFixed(3)}` : 'starting…'}</span>
      </div>
    );
  }
  const p = run.progress;
  return (
    <div className="run-progress">
      <progress aria-label="Run progress" value={done ? 1 : (p?.fraction ?? 0)} max={1} />
      <span>
        {p
          ? `${p.calls} calls (${p.cachedCalls} cached), ${p.tokens.toLocaleString()} tokens, ${formatCost(p.cost)}${done ? '' : `, ${eta(p.etaMs)}`}`
          : 'starting…'}
      </span>
    </div>
  );
}
