import { useId } from 'react';
import { CUSTOM_METRIC_TEMPLATE, customMetric, customMetricCode } from '../../core/evaluate/metrics/custom';
import { listMetrics } from '../../core/evaluate/metrics/registry';
import { METRIC_CONFIG_SETTING } from '../../core/sandbox/project-code';
import { useProjectStore } from '../state/project-store';
import { useCodeTrust } from './code-trust';
import './sandbox.css';

// One shared empty object: a selector that returned a fresh `{}` would re-render forever (React #185).
const NO_CONFIG: Record<string, unknown> = {};
const configOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : NO_CONFIG;

/** The project's metric: a choice of the registered metrics, and the custom metric's code. */
export function MetricSettings() {
  const metricId = useProjectStore((s) => (typeof s.settings.metric === 'string' ? s.settings.metric : 'exact-match'));
  // Select the stored value itself: a fresh object per call would re-render forever.
  const storedConfig = useProjectStore((s) => s.settings[METRIC_CONFIG_SETTING]);
  const config = configOf(storedConfig);
  const setSettings = useProjectStore((s) => s.setSettings);
  const trust = useCodeTrust((s) => s.status);
  const review = useCodeTrust((s) => s.review);
  const hintId = useId();
  const metrics = listMetrics();
  const chosen = metrics.find((m) => m.id === metricId);

  const choose = (id: string) => {
    // A first switch to the custom metric starts from a working example rather than an empty box.
    if (id === customMetric.id && customMetricCode(config) === undefined) {
      setSettings({ metric: id, [METRIC_CONFIG_SETTING]: { ...config, code: CUSTOM_METRIC_TEMPLATE } });
    } else {
      setSettings({ metric: id });
    }
  };

  return (
    <div className="metric-settings">
      <label className="inline">
        Metric
        <select aria-label="Metric" aria-describedby={hintId} value={metricId} onChange={(e) => choose(e.target.value)}>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
          {!chosen && <option value={metricId}>{metricId} (unknown)</option>}
        </select>
      </label>
      <span id={hintId} className="hint">{chosen?.description ?? `'${metricId}' is not a metric this version knows`}</span>
      {metricId === customMetric.id && (
        <label className="metric-settings">
          Custom metric code
          <textarea
            aria-label="Custom metric code"
            spellCheck={false}
            value={typeof config.code === 'string' ? config.code : ''}
            onChange={(e) => setSettings({ [METRIC_CONFIG_SETTING]: { ...config, code: e.target.value } })}
          />
        </label>
      )}
      {(trust === 'disabled' || trust === 'pending') && (
        <p className="row hint" role="status">
          Code in this project is disabled.
          <button type="button" className="ghost small" onClick={() => review(true)}>
            Review code…
          </button>
        </p>
      )}
    </div>
  );
}
