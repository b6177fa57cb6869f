import { useMemo } from 'react';
import { programState } from '../../core/program/state';
import { QuotaHelp } from '../storage/QuotaHelp';
import { ExampleResults } from './ExampleResults';
import { storageProblem, type LiveRun } from './live-run';
import { RunActions } from './RunActions';
import { RunProgressBar } from './RunProgressBar';
import { RunSummary } from './RunSummary';
import { useRunStore } from './runStore';
import { ScoreChart } from './ScoreChart';
import { TrialDetails } from './TrialDetails';
import { TrialTable } from './TrialTable';

/** The run in view: progress, chart, trials and the selected trial's candidate. */
/** `onCancel` only for a run this tab owns: a watched run cannot be cancelled from here. */
export function LiveRunView({ run, onCancel }: { run: LiveRun; onCancel?: () => void }) {
  const selected = useRunStore((s) => s.selectedTrial);
  const selectTrial = useRunStore((s) => s.selectTrial);
  const baseline = useMemo(() => programState(run.graph), [run.graph]);
  const trial = run.trials.find((t) => t.index === selected);
  const saveProblem = storageProblem(run);
  return (
    <section className="live-run" aria-label="Current run">
      <h3>
        {run.label} <span className={`status status-${run.status}`}>{run.status}</span>
      </h3>
      <RunProgressBar run={run} />
      <RunSummary run={run} />
      <RunActions run={run} onCancel={onCancel} />
      {run.kind === 'optimize' && (
        <div className="run-grid">
          <ScoreChart trials={run.trials} />
          <TrialTable trials={run.trials} bestIndex={run.best?.trialIndex} selected={selected} onSelect={selectTrial} />
        </div>
      )}
      {trial && <TrialDetails trial={trial} baseline={baseline} />}
      {run.evaluation && (
        <details>
          <summary>Per-example results</summary>
          <ExampleResults examples={run.evaluation.examples} />
        </details>
      )}
      {saveProblem && (
        // A trial the browser could not store is lost to a reload: say so where the run is shown.
        <p role="alert" className="error">
          {saveProblem.message}
          <QuotaHelp error={saveProblem.message} />
        </p>
      )}
      {run.logs.length > 0 && (
        <details>
          <summary>Log ({run.logs.length})</summary>
          <ul>
            {run.logs.map((l, i) => (
              <li key={i} className={l.level === 'warn' ? 'warn' : undefined}>
                {l.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
