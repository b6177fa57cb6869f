import type { LMCallRecord, TraceStep } from '../../core/program/types';

/** One step of a trace as the trace inspector shows it: an LM call, a tool call, a code run or a retrieval. */
export type StepView =
  | { kind: 'lm'; title: string; fields: { label: string; text: string }[]; calls: LMCallRecord[]; error?: string }
  | { kind: 'tool'; title: string; tool: string; args: string; observation?: string; error?: string; elapsedMs?: number }
  | { kind: 'code'; title: string; inputs: string; result?: string; error?: string; elapsedMs?: number }
  | { kind: 'retrieve'; title: string; query: string; passages: { text: string; id?: string; score?: number }[] };

/** ReAct's output names read as a trajectory; everything else keeps its field name. */
const LABELS: Record<string, string> = {
  next_thought: 'Thought',
  next_tool_name: 'Tool',
  next_tool_args: 'Args',
  reasoning: 'Reasoning',
};

/** A value as text: strings as they are, anything else as JSON. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export function stepView(step: TraceStep): StepView {
  const title = step.predictor;
  const action = step.action;
  if (!action) {
    const fields = Object.entries(step.outputs).map(([name, value]) => ({ label: LABELS[name] ?? name, text: shownValue(value) }));
    return { kind: 'lm', title, fields, calls: step.calls, ...(step.error ? { error: step.error } : {}) };
  }
  switch (action.kind) {
    case 'tool':
      return {
        kind: 'tool',
        title,
        tool: action.name,
        args: shownValue(action.args),
        ...(action.result !== undefined ? { observation: shownValue(action.result) } : {}),
        ...(action.error ?? step.error ? { error: action.error ?? step.error } : {}),
        ...(action.elapsedMs !== undefined ? { elapsedMs: action.elapsedMs } : {}),
      };
    case 'code':
      return {
        kind: 'code',
        title,
        inputs: shownValue(step.inputs),
        ...(action.result !== undefined ? { result: shownValue(action.result) } : {}),
        ...(action.error ?? step.error ? { error: action.error ?? step.error } : {}),
        ...(action.elapsedMs !== undefined ? { elapsedMs: action.elapsedMs } : {}),
      };
    case 'retrieve':
      return { kind: 'retrieve', title, query: action.query, passages: action.passages };
    default: {
      const never: never = action;
      throw new Error(`unknown trace action ${String(never)}`);
    }
  }
}
