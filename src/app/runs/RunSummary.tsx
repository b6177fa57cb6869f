import type { LiveRun } from './live-run';

const fmt = (score: number | undefined) => (score === undefined ? '—' : score.toFixed(3));

/** The headline numbers: baseline versus result on the dev set, or an evaluation's score. */
export function RunSummary({ run }: { run: LiveRun }) {
  if (run.status === 'failed') {
    return (
      <p role="alert" className="error">
        Run failed: {run.error}
      </p>
    );
  }
  if (run.kind === 'evaluate') {
    const e = run.evaluation;
    return e ? (
      <p>
        Score <output aria-label="Evaluation score">{fmt(e.score)}</output> on {e.examples.length} examples ({e.errors} errors, {e.calls} calls, {e.cachedCalls} cached)
      </p>
    ) : null;
  }
  const r = run.result;
  if (!r && run.stored) {
    return (
      <p>
        Baseline (dev) <output aria-label="Baseline score">{fmt(run.stored.baselineScore)}</output> → optimized <output aria-label="Final score">{fmt(run.stored.score)}</output> ({run.status}, {run.trials.length} trials)
      </p>
    );
  }
  if (!r) return run.status === 'cancelled' ? <p>Cancelled{run.best ? `; best so far ${fmt(run.best.score)}` : ''}.</p> : null;
  return (
    <p>
      Baseline (dev) <output aria-label="Baseline score">{fmt(r.baselineDevScore)}</output> → optimized (dev) <output aria-label="Final score">{fmt(r.finalDevScore)}</output>; validation score {fmt(r.score)}, {r.trials} trials, stopped: {r.stopReason}
    </p>
  );
}
