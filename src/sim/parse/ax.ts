/**
 * Reads a chat request in Ax's prompt layout (the @ax-llm/ax library) into the same
 * `ParsedPrompt` a DSPy request gives, so both libraries face the same simulated model:
 * - system: `<identity>`, `<input_fields>`, `<output_fields>`, an optional `<task_definition>`
 *   (the instruction) and `<formatting_rules>` ("field name: value" lines, or one JSON object);
 * - demos: a user turn of `Title: value` lines and an assistant turn of `Title: value` lines;
 * - the real query: the user turn after "REAL USER QUERY:" (or the first user turn when there
 *   are no demos); later assistant/user turns are Ax's correction rounds and add no inputs.
 */
import type { ParsedDemo, ParsedPrompt, SimMessage } from '../types';
import { axLineValues, axSection, parseAxInputs, parseAxOutputs } from './axFields';
import type { AxField } from './axFields';

const REAL_QUERY = 'REAL USER QUERY:';
const JSON_RULE = 'Return one valid JSON object';

function text(message: SimMessage): string {
  const { content } = message;
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
}

/** True when a system message has Ax's tagged field sections. */
export function isAxSystem(system: string): boolean {
  return system.includes('<input_fields>') && system.includes('<output_fields>') && system.includes('<formatting_rules>');
}

function jsonValues(reply: string, outputs: readonly AxField[]): Record<string, string> | null {
  const candidate = /\{[\s\S]*\}/.exec(reply)?.[0];
  if (!candidate) return null;
  try {
    const value: unknown = JSON.parse(candidate);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const out: Record<string, string> = {};
    for (const f of outputs) {
      const v = (value as Record<string, unknown>)[f.name];
      if (v !== undefined && v !== null) out[f.name] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  } catch {
    return null;
  }
}

export function parseAxPrompt(messages: readonly SimMessage[]): ParsedPrompt | null {
  const systemIndex = messages.findIndex((m) => m.role === 'system');
  const system = systemIndex >= 0 ? text(messages[systemIndex] as SimMessage) : '';
  if (!isAxSystem(system)) return null;
  const inputs = parseAxInputs(axSection(system, 'input_fields') ?? '');
  const outputs = parseAxOutputs(axSection(system, 'output_fields') ?? '');
  const json = (axSection(system, 'formatting_rules') ?? '').includes(JSON_RULE);
  const instructions = axSection(system, 'task_definition') ?? axSection(system, 'identity') ?? '';
  const rest = messages.slice(systemIndex + 1).filter((m) => m.role === 'user' || m.role === 'assistant');
  let query = rest.findIndex((m) => m.role === 'user' && text(m).includes(REAL_QUERY));
  if (query < 0) query = rest.findIndex((m) => m.role === 'user');
  const demos: ParsedDemo[] = [];
  const names = [...inputs, ...outputs].map((f) => f.name);
  for (let i = 0; i + 1 < query; ) {
    const user = rest[i] as SimMessage;
    const reply = rest[i + 1] as SimMessage;
    if (user.role === 'user' && reply.role === 'assistant') {
      const replyText = text(reply);
      const outValues = (json ? jsonValues(replyText, outputs) : null) ?? axLineValues(replyText, outputs);
      const values = { ...axLineValues(text(user), inputs), ...outValues };
      demos.push({ values, complete: names.every((n) => n in values) });
      i += 2;
    } else i += 1;
  }
  const queryText = query >= 0 ? text(rest[query] as SimMessage) : '';
  const afterMarker = queryText.includes(REAL_QUERY) ? queryText.slice(queryText.indexOf(REAL_QUERY) + REAL_QUERY.length) : queryText;
  const userText = messages
    .filter((m) => m.role === 'user')
    .map(text)
    .join('\n\n');
  const strip = (f: AxField) => ({ name: f.name, type: f.type, desc: f.desc });
  return {
    format: json ? 'json' : 'ax',
    inputs: inputs.map(strip),
    outputs: outputs.map(strip),
    instructions,
    demos,
    inputsNow: axLineValues(afterMarker, inputs),
    userText,
  };
}
