import { useCallback } from 'react';
import type { TrialRecord } from '../../core/optimize/events';
import type { ProgramState } from '../../core/program/types';
import { isInputNode } from '../../core/program/types';
import { replayExample } from '../../worker/client';
import { datasets } from '../../db';
import { useCurrentSummary } from '../datasets/useDatasets';
import { activeProviderSpec } from '../providers/store';
import { useProjectStore } from '../state/project-store';
import { CandidateDiff } from './CandidateDiff';
import { ExampleResults } from './ExampleResults';

/** One trial: its candidate as a diff, and how it did on each example (with its messages on demand). */
export function TrialDetails({ trial, baseline }: { trial: TrialRecord; baseline: ProgramState }) {
  const graph = useProjectStore((s) => s.graph);
  const datasetId = useCurrentSummary()?.id;
  const replay = useCallback(
    async (exampleId: string) => {
      // One row by id: the page index and the one page that holds it, never the whole dataset.
      const example = datasetId ? await datasets.row(datasetId, exampleId) : undefined;
      if (!example) throw new Error(`example ${exampleId} is not in the current dataset`);
      const keys = graph.nodes.find(isInputNode)?.fields.map((f) => f.name) ?? [];
      const inputs = Object.fromEntries(keys.map((k) => [k, example.data[k]]));
      return replayExample({ graph, candidate: trial.candidate, inputs, provider: activeProviderSpec() });
    },
    [datasetId, graph, trial.candidate],
  );
  return (
    <section className="trial-details" aria-label={`Trial ${trial.index} details`}>
      <h3>
        Trial #{trial.index}: {trial.label} — {trial.score.toFixed(3)} on {trial.examples.length} examples ({trial.subset})
      </h3>
      <CandidateDiff baseline={baseline} candidate={trial.candidate} />
      <ExampleResults examples={trial.examples} replay={replay} />
    </section>
  );
}
