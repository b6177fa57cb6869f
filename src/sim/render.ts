/** Writes a behaviour's field values as the reply DSPy expects in each format. */
import type { OutputValue, SimField } from './types';

/** A value as ChatAdapter shows it: Python-style booleans, JSON for lists and dicts. */
export function valueAsText(value: OutputValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function renderChat(outputs: readonly SimField[], values: Record<string, OutputValue>): string {
  const blocks = outputs.filter((f) => f.name in values).map((f) => `[[ ## ${f.name} ## ]]\n${valueAsText(values[f.name] as OutputValue)}`);
  return `${blocks.join('\n\n')}\n\n[[ ## completed ## ]]`;
}

export function renderJson(outputs: readonly SimField[], values: Record<string, OutputValue>): string {
  const ordered: Record<string, OutputValue> = {};
  for (const f of outputs) if (f.name in values) ordered[f.name] = values[f.name] as OutputValue;
  return JSON.stringify(ordered, null, 2);
}

/** Ax's line format: one `wireKey: value` line per output (lists and objects as JSON). */
export function renderAx(outputs: readonly SimField[], values: Record<string, OutputValue>): string {
  return outputs
    .filter((f) => f.name in values)
    .map((f) => {
      const value = values[f.name] as OutputValue;
      return `${f.name}: ${typeof value === 'boolean' ? String(value) : valueAsText(value)}`;
    })
    .join('\n');
}
