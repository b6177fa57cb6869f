import { useEffect, useState } from 'react';
import type { Dataset, Split } from '../../core/data/types';
import { datasets } from '../../db';
import { useProviderStore } from '../providers/store';
import { useProjectStore } from '../state/project-store';
import { useCurrentSummary } from '../datasets/useDatasets';
import { MetricSettings } from '../sandbox/MetricSettings';
import { LiveRunView } from './LiveRunView';
import { OptimizeDialog } from './OptimizeDialog';
import { RunHistory } from './RunHistory';
import { runData } from './run-data';
import { useRunStore } from './runStore';
import { useRunLauncher } from './useRunLauncher';
import '../settings/modal.css';
import './runs.css';

/** Evaluate or optimize the open program on the current dataset, and watch the run live. */
export function RunsPanel() {
  const projectId = useProjectStore((s) => s.projectId);
  const graph = useProjectStore((s) => s.graph);
  const metricId = useProjectStore((s) => (typeof s.settings.metric === 'string' ? s.settings.metric : 'exact-match'));
  // The summary only: the rows are read when a run is started or the optimize dialog opens, so
  // a 100k-row dataset costs the Runs tab nothing until then.
  const dataset = useCurrentSummary();
  const run = useRunStore((s) => (s.run?.projectId === projectId ? s.run : undefined));
  const providersLoaded = useProviderStore((s) => s.loaded);
  const loadProviders = useProviderStore((s) => s.load);
  useEffect(() => {
    // The saved active provider must be known before a run starts, even if Providers was never opened.
    if (!providersLoaded) void loadProviders();
  }, [providersLoaded, loadProviders]);
  const launcher = useRunLauncher();
  const [optimizing, setOptimizing] = useState<Dataset>();
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [split, setSplit] = useState<Split>('dev');

  if (!projectId) return <p className="runs-panel">Open a project to run it.</p>;
  const running = run?.status === 'running';
  /** The whole current dataset, read when an action needs its rows. */
  const withRows = async (act: (full: Dataset) => void) => {
    if (!dataset) return;
    setLoading(true);
    try {
      const stored = await datasets.get(dataset.id);
      if (!stored) throw new Error(`dataset ${dataset.name} is gone`);
      const { projectId: _p, updatedAt: _u, ...full } = stored;
      setLoadError(undefined);
      act(full);
    } catch (error) {
      setLoadError(`could not read ${dataset.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLoading(false);
    }
  };
  const evaluate = (full: Dataset) => {
    const data = runData(full, 0);
    const examples = split === 'train' ? data.trainset : split === 'dev' ? data.devset : full.rows.filter((r) => r.split === 'test');
    launcher.evaluate(examples, split, full.id);
  };

  return (
    <div className="runs-panel">
      <div className="row runs-toolbar" role="toolbar" aria-label="Run actions">
        <label className="inline">
          Evaluate on
          <select aria-label="Evaluate on" value={split} onChange={(e) => setSplit(e.target.value as Split)}>
            <option value="train">train</option>
            <option value="dev">dev</option>
            <option value="test">test</option>
          </select>
        </label>
        <button type="button" disabled={!dataset || running || loading || !providersLoaded} onClick={() => void withRows(evaluate)}>
          Evaluate
        </button>
        <button type="button" disabled={!dataset || running || loading || !providersLoaded} onClick={() => void withRows(setOptimizing)}>
          Optimize
        </button>
        <span className="hint">Metric: {metricId}{dataset ? ` · data: ${dataset.name}` : ' · add a dataset in the Data tab first'}</span>
      </div>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      <MetricSettings />
      {optimizing && (
        <OptimizeDialog
          graph={graph}
          dataset={optimizing}
          metricId={metricId}
          onClose={() => setOptimizing(undefined)}
          onStart={(request) => {
            setOptimizing(undefined);
            launcher.optimize(request);
          }}
        />
      )}
      {run && <LiveRunView run={run} onCancel={() => launcher.cancel(run.runId)} />}
      <RunHistory projectId={projectId} />
    </div>
  );
}
