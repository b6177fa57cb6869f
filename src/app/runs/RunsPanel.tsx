import { useEffect, useState } from 'react';
import type { Split } from '../../core/data/types';
import { useProviderStore } from '../providers/store';
import { useProjectStore } from '../state/project-store';
import { useCurrentDataset } from '../datasets/useDatasets';
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
  const dataset = useCurrentDataset();
  const run = useRunStore((s) => (s.run?.projectId === projectId ? s.run : undefined));
  const providersLoaded = useProviderStore((s) => s.loaded);
  const loadProviders = useProviderStore((s) => s.load);
  useEffect(() => {
    // The saved active provider must be known before a run starts, even if Providers was never opened.
    if (!providersLoaded) void loadProviders();
  }, [providersLoaded, loadProviders]);
  const launcher = useRunLauncher();
  const [optimizing, setOptimizing] = useState(false);
  const [split, setSplit] = useState<Split>('dev');

  if (!projectId) return <p className="runs-panel">Open a project to run it.</p>;
  const running = run?.status === 'running';
  const evaluate = () => {
    if (!dataset) return;
    const data = runData(dataset, 0);
    const examples = split === 'train' ? data.trainset : split === 'dev' ? data.devset : dataset.rows.filter((r) => r.split === 'test');
    launcher.evaluate(examples, split, dataset.id);
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
        <button type="button" disabled={!dataset || running || !providersLoaded} onClick={evaluate}>
          Evaluate
        </button>
        <button type="button" disabled={!dataset || running || !providersLoaded} onClick={() => setOptimizing(true)}>
          Optimize
        </button>
        <span className="hint">Metric: {metricId}{dataset ? ` · data: ${dataset.name}` : ' · add a dataset in the Data tab first'}</span>
      </div>
      <MetricSettings />
      {optimizing && dataset && (
        <OptimizeDialog
          graph={graph}
          dataset={dataset}
          metricId={metricId}
          onClose={() => setOptimizing(false)}
          onStart={(request) => {
            setOptimizing(false);
            launcher.optimize(request);
          }}
        />
      )}
      {run && <LiveRunView run={run} onCancel={() => launcher.cancel(run.runId)} />}
      <RunHistory projectId={projectId} />
    </div>
  );
}
