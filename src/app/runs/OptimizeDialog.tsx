import { useMemo, useState } from 'react';
import type { Dataset } from '../../core/data/types';
import { getMetric } from '../../core/evaluate/metrics/registry';
import type { Budget } from '../../core/optimize/budget';
import { listOptimizers } from '../../core/optimize/registry';
import { planRun } from '../../core/optimize/runner';
import type { ProgramGraph } from '../../core/program/types';
import { pricesFor } from '../../worker/clients';
import { activeProviderSpec } from '../providers/store';
import { configErrors, configFields, defaultConfig } from './config-fields';
import { ConfigForm } from './ConfigForm';
import { PlanSummary } from './PlanSummary';
import { runData } from './run-data';
import type { OptimizeRequest } from './useRunLauncher';

export interface OptimizeDialogProps {
  graph: ProgramGraph;
  dataset: Dataset;
  metricId: string;
  onStart: (request: OptimizeRequest) => void;
  onClose: () => void;
}

const PREFERRED = 'bootstrap-fewshot';

function optionalNumber(text: string): number | undefined {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/** Choose an optimizer and its parameters, see the plan, start. */
export function OptimizeDialog({ graph, dataset, metricId, onStart, onClose }: OptimizeDialogProps) {
  const optimizers = useMemo(() => listOptimizers(), []);
  const [optimizerId, setOptimizerId] = useState(() => (optimizers.some((o) => o.id === PREFERRED) ? PREFERRED : (optimizers[0]?.id ?? '')));
  const optimizer = optimizers.find((o) => o.id === optimizerId);
  const fields = useMemo(() => (optimizer ? configFields(optimizer.config) : []), [optimizer]);
  const [config, setConfig] = useState<Record<string, unknown>>(() => defaultConfig(fields));
  const [seed, setSeed] = useState(0);
  const [concurrency, setConcurrency] = useState(8);
  const [budgetText, setBudgetText] = useState({ maxCalls: '', maxTokens: '', maxCost: '' });

  const errors = optimizer ? configErrors(optimizer.config, config) : {};
  const data = useMemo(() => runData(dataset, seed), [dataset, seed]);
  const budget: Budget = {
    maxCalls: optionalNumber(budgetText.maxCalls),
    maxTokens: optionalNumber(budgetText.maxTokens),
    maxCost: optionalNumber(budgetText.maxCost),
  };
  const planned = useMemo(() => {
    if (!optimizer || Object.keys(errors).length > 0) return undefined;
    try {
      const metric = getMetric(metricId) ?? getMetric('exact-match');
      const provider = activeProviderSpec();
      return { plan: planRun({ optimizer: optimizer.id, config, graph, trainset: data.trainset, devset: data.devset, metric, seed }, provider.taskModel, provider.promptModel, pricesFor(provider)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
    // `errors` is derived from config; listing config is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [optimizer, config, graph, data, metricId, seed]);

  const chooseOptimizer = (id: string) => {
    const next = optimizers.find((o) => o.id === id);
    setOptimizerId(id);
    setConfig(next ? defaultConfig(configFields(next.config)) : {});
  };
  const tooSmall = optimizer && data.trainset.length < optimizer.minTrainSize;
  const canStart = optimizer && planned?.plan && !tooSmall;

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="optimize-title">
        <header className="modal-header">
          <h2 id="optimize-title">Optimize</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <label>
          Optimizer
          <select aria-label="Optimizer" value={optimizerId} onChange={(e) => chooseOptimizer(e.target.value)}>
            {optimizers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {optimizer && <p className="hint">{optimizer.description}</p>}
        <ConfigForm key={optimizerId} fields={fields} values={config} errors={errors} onChange={(key, value) => setConfig((c) => ({ ...c, [key]: value }))} />
        <fieldset>
          <legend>Run</legend>
          <p>
            {dataset.name}: {data.trainset.length} train, {data.devset.length} dev examples{data.note ? ` (${data.note})` : ''}
          </p>
          <label>
            Seed
            <input type="number" value={seed} step={1} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)) || 0)} />
          </label>
          <label>
            Concurrency
            <input type="number" value={concurrency} min={1} max={64} step={1} onChange={(e) => setConcurrency(Math.max(1, Math.trunc(Number(e.target.value)) || 1))} />
          </label>
          <label>
            Max calls
            <input type="number" min={1} value={budgetText.maxCalls} placeholder="no limit" onChange={(e) => setBudgetText((b) => ({ ...b, maxCalls: e.target.value }))} />
          </label>
          <label>
            Max tokens
            <input type="number" min={1} value={budgetText.maxTokens} placeholder="no limit" onChange={(e) => setBudgetText((b) => ({ ...b, maxTokens: e.target.value }))} />
          </label>
          <label>
            Max cost (USD)
            <input type="number" min={0} step="any" value={budgetText.maxCost} placeholder="no limit" onChange={(e) => setBudgetText((b) => ({ ...b, maxCost: e.target.value }))} />
          </label>
        </fieldset>
        {tooSmall && (
          <p role="alert" className="error">
            {optimizer.name} needs at least {optimizer.minTrainSize} training examples; the train split has {data.trainset.length}.
          </p>
        )}
        {planned?.error && (
          <p role="alert" className="error">
            {planned.error}
          </p>
        )}
        {planned?.plan && <PlanSummary plan={planned.plan} />}
        <footer className="modal-footer">
          <button
            type="button"
            disabled={!canStart}
            onClick={() => {
              if (!optimizer) return;
              onStart({ optimizer: optimizer.id, optimizerName: optimizer.name, config, trainset: data.trainset, devset: data.devset, seed, concurrency, budget, datasetId: dataset.id });
            }}
          >
            Start optimization
          </button>
        </footer>
      </div>
    </div>
  );
}
