import { useId } from 'react';
import { listMetrics } from '../../../core/evaluate/metrics/registry';
import type { ModuleNode } from '../../../core/program/types';
import { CodeEditor } from './CodeEditor';
import { switchRewardKind, type RewardConfig } from './module-settings';

interface Props {
  node: ModuleNode;
  reward: RewardConfig;
  onChange(reward: RewardConfig): void;
  help?: string;
  error?: string;
}

/** BestOfN's and Refine's reward: code that scores an attempt, or a metric comparing an output with an input. */
export function RewardEditor({ node, reward, onChange, help, error }: Props) {
  const id = useId();
  const metrics = listMetrics().filter((m) => !m.needsLM);
  const outputs = node.signature.outputs.map((f) => f.name);
  const inputs = node.signature.inputs.map((f) => f.name);
  const defaults = { metricId: metrics[0]?.id, field: outputs[0], reference: inputs[0] };
  const select = (label: string, value: string, options: { value: string; label: string }[], set: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {!options.some((o) => o.value === value) && <option value={value}>{value === '' ? 'Choose…' : `missing '${value}'`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="reward-editor" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>Reward</legend>
      {help && (
        <p id={`${id}-help`} className="muted">
          {help}
        </p>
      )}
      {select('Reward kind', reward.kind, [{ value: 'code', label: 'Code' }, { value: 'metric', label: 'Metric against an input' }], (kind) =>
        kind !== reward.kind && onChange(switchRewardKind(kind as RewardConfig['kind'], defaults)),
      )}
      {reward.kind === 'code' ? (
        <CodeEditor
          label={`Reward code of ${node.name}`}
          value={reward.code}
          help="The body of an async function of `args` (the inputs) and `pred` (the outputs) that returns a number."
          onCommit={(code) => onChange({ kind: 'code', code })}
        />
      ) : (
        <>
          {select('Reward metric', reward.metricId, metrics.map((m) => ({ value: m.id, label: m.name })), (metricId) => onChange({ ...reward, metricId }))}
          {select('Output field scored', reward.field, outputs.map((n) => ({ value: n, label: n })), (field) => onChange({ ...reward, field }))}
          {select('Input field it is compared with', reward.reference, inputs.map((n) => ({ value: n, label: n })), (reference) => onChange({ ...reward, reference }))}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          reward: {error}
        </p>
      )}
    </fieldset>
  );
}
