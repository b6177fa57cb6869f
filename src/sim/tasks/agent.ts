/**
 * How the simulator plays DSPy's ReAct: the `react` step (pick a tool from the Literal list,
 * give JSON arguments, finish once an observation is in) and the `extract` step (answer from
 * the last observation). It reads the tool list from the instructions, where dspy.ReAct writes
 * `(1) name, whose description is <desc>…</desc>. It takes arguments {…}.`.
 */
import { literalOptions, typeKind } from '../parse/fields';
import { contentWords } from '../text';
import type { BehaviourReply, OutputValue, ParsedPrompt, SimField } from '../types';

interface SimTool {
  name: string;
  desc: string;
  args: { name: string; type: string }[];
}

const TOOL_LINE = /^\(\d+\) (\w+)(?:, whose description is <desc>(.*?)<\/desc>)?\. It takes arguments (.*)\.$/gm;

function tools(instructions: string): SimTool[] {
  return [...instructions.matchAll(TOOL_LINE)].map((m) => ({
    name: m[1] ?? '',
    desc: m[2] ?? '',
    args: [...(m[3] ?? '').matchAll(/'(\w+)': \{'type': '(\w+)'/g)].map((a) => ({ name: a[1] ?? '', type: a[2] ?? 'string' })),
  }));
}

/** The current request's trajectory (the parser cuts it at its own `[[ ## … ## ]]` blocks). */
function trajectory(prompt: ParsedPrompt): Record<string, string> {
  const at = prompt.userText.lastIndexOf('[[ ## trajectory ## ]]');
  if (at < 0) return {};
  const text = prompt.userText.slice(at).replace(/\n*Respond with[\s\S]*$/, '');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/\[\[ ## (\w+) ## \]\]\n([\s\S]*?)(?=\n\n\[\[ ## |$)/g)) {
    if (m[1] !== 'trajectory') out[m[1] ?? ''] = (m[2] ?? '').trim();
  }
  return out;
}

/** The last observation a tool other than `finish` gave, if any. */
function lastObservation(steps: Record<string, string>): string | undefined {
  const indices = Object.keys(steps).map((k) => /^observation_(\d+)$/.exec(k)?.[1]).filter((i): i is string => i !== undefined).map(Number).sort((a, b) => b - a);
  for (const i of indices) if (steps[`tool_name_${i}`] !== 'finish') return steps[`observation_${i}`];
  return undefined;
}

function question(prompt: ParsedPrompt): string {
  return Object.entries(prompt.inputsNow).filter(([k]) => k !== 'trajectory').map(([, v]) => v).join(' ');
}

function argValue(type: string, text: string): OutputValue {
  if (type === 'integer' || type === 'number') {
    const n = Number(/-?\d+(\.\d+)?/.exec(text)?.[0] ?? 0);
    return type === 'integer' ? Math.trunc(n) : n;
  }
  if (type === 'boolean') return true;
  return text;
}

function react(prompt: ParsedPrompt): BehaviourReply {
  const steps = trajectory(prompt);
  const options = literalOptions(prompt.outputs.find((f) => f.name === 'next_tool_name')?.type ?? '');
  const usable = tools(prompt.instructions).filter((t) => t.name !== 'finish' && options.includes(t.name));
  const asked = question(prompt);
  if (usable.length === 0 || lastObservation(steps) !== undefined) {
    return { kind: 'fields', values: { next_thought: 'I have the information I need, so I will finish.', next_tool_name: 'finish', next_tool_args: {} } };
  }
  const words = new Set(contentWords(asked));
  const score = (t: SimTool) => contentWords(`${t.name.replace(/_/g, ' ')} ${t.desc}`).filter((w) => words.has(w)).length;
  const tool = usable.reduce((best, t) => (score(t) > score(best) ? t : best), usable[0] as SimTool);
  const args: Record<string, OutputValue> = {};
  for (const a of tool.args) args[a.name] = argValue(a.type, asked);
  return { kind: 'fields', values: { next_thought: `I should call ${tool.name} to find out.`, next_tool_name: tool.name, next_tool_args: args } };
}

function typed(field: SimField, text: string): OutputValue {
  const kind = typeKind(field.type);
  if (kind === 'int' || kind === 'float') {
    const n = Number(/-?\d+(\.\d+)?/.exec(text)?.[0] ?? 0);
    return kind === 'int' ? Math.trunc(n) : n;
  }
  if (kind === 'literal') return literalOptions(field.type).find((o) => text.toLowerCase().includes(o.toLowerCase())) ?? literalOptions(field.type)[0] ?? text;
  if (kind === 'bool') return /\b(true|yes)\b/i.test(text);
  if (kind === 'list') return [text];
  return text;
}

function extract(prompt: ParsedPrompt): BehaviourReply | null {
  const observation = lastObservation(trajectory(prompt));
  if (observation === undefined) return null;
  const values: Record<string, OutputValue> = {};
  for (const field of prompt.outputs) {
    if (field.name === 'reasoning') values[field.name] = `The tool returned: ${observation.split('\n')[0]}. That answers the question.`;
    else values[field.name] = typed(field, observation);
  }
  return { kind: 'fields', values };
}

/** A ReAct step, or null when the prompt is not one. */
export function answerAgent(prompt: ParsedPrompt): BehaviourReply | null {
  if (prompt.outputs.some((f) => f.name === 'next_tool_name')) return react(prompt);
  if (prompt.inputs.some((f) => f.name === 'trajectory')) return extract(prompt);
  return null;
}
