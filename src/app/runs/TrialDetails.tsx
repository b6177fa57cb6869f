import type { TrialRecord } from '../../core/optimize/events';
import type { ProgramState } from '../../core/program/types';
import { CandidateDiff } from './CandidateDiff';
import { ExampleResults } from './ExampleResults';

/** One trial: its candidate as a diff, and how it did on each example. */
export function TrialDetails({ trial, baseline }: { trial: TrialRecord; baseline: ProgramState }) {
  return (
    <section className="trial-details" aria-label={`Trial ${trial.index} details`}>
      <h3>
        Trial #{trial.index}: {trial.label} — {trial.score.toFixed(3)} on {trial.examples.length} examples ({trial.subset})
      </h3>
      <CandidateDiff baseline={baseline} candidate={trial.candidate} />
      <ExampleResults examples={trial.examples} />
    </section>
  );
}
