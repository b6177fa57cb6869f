/**
 * Reads a chat request in DSPy's ChatAdapter or JSONAdapter layout (system header with the field
 * lists, structure and objective; a user/assistant pair per demo; the final user message with the
 * inputs) into a `ParsedPrompt`. Anything else is format 'unknown' and keeps its user text.
 */
import type { ParsedDemo, ParsedPrompt, SimField, SimMessage } from '../types';
import { parseAxPrompt } from './ax';
import { blockValues } from './blocks';
import { parseFieldList } from './fields';

const INPUTS_HEAD = 'Your input fields are:\n';
const OUTPUTS_HEAD = 'Your output fields are:\n';
const STRUCTURE_HEAD = 'All interactions will be structured in the following way';
const OBJECTIVE_HEAD = 'In adhering to this structure, your objective is: ';
const JSON_MARKER = 'Outputs will be a JSON object with the following fields.';
const INCOMPLETE_PREFIX = 'This is an example of the task, though some input or output fields are not supplied.';
const NOT_SUPPLIED = 'Not supplied for this particular example.';
const RESPOND_LINE = /\n*Respond with (the corresponding output fields|a JSON object)[\s\S]*$/;

export function messageText(message: SimMessage): string {
  const { content } = message;
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
}

interface Header {
  format: 'chat' | 'json';
  inputs: SimField[];
  outputs: SimField[];
  instructions: string;
}

function dedentObjective(text: string): string {
  return text
    .replace(/^[ \t]*\n/, '')
    .split('\n')
    .map((line) => line.replace(/^ {1,8}/, ''))
    .join('\n')
    .trim();
}

function parseHeader(system: string): Header | null {
  const inAt = system.indexOf(INPUTS_HEAD);
  const outAt = system.indexOf(OUTPUTS_HEAD, Math.max(inAt, 0));
  if (inAt < 0 || outAt < 0) return null;
  const structAt = system.indexOf(STRUCTURE_HEAD, outAt);
  const objAt = system.lastIndexOf(OBJECTIVE_HEAD);
  const outputsEnd = [structAt, objAt].filter((i) => i > outAt).sort((a, b) => a - b)[0] ?? system.length;
  const structure = structAt >= 0 ? system.slice(structAt, objAt > structAt ? objAt : undefined) : '';
  return {
    format: structure.includes(JSON_MARKER) ? 'json' : 'chat',
    inputs: parseFieldList(system.slice(inAt + INPUTS_HEAD.length, outAt)),
    outputs: parseFieldList(system.slice(outAt + OUTPUTS_HEAD.length, outputsEnd)),
    instructions: objAt >= 0 ? dedentObjective(system.slice(objAt + OBJECTIVE_HEAD.length)) : '',
  };
}

/** A JSON value as the text a chat-format demo would have shown. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function jsonObject(text: string): Record<string, unknown> | null {
  const candidates = [text, /\{[\s\S]*\}/.exec(text)?.[0] ?? ''];
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON: try the next candidate
    }
  }
  return null;
}

function assistantValues(text: string, format: 'chat' | 'json'): Record<string, string> {
  const parsed = format === 'json' ? jsonObject(text) : null;
  const raw: Record<string, unknown> = parsed ?? blockValues(text);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined || key === 'completed') continue;
    const shown = valueText(value).trim();
    if (shown && !shown.startsWith(NOT_SUPPLIED)) out[key] = shown;
  }
  return out;
}

function userValues(text: string, inputs: SimField[]): Record<string, string> {
  const body = text.startsWith(INCOMPLETE_PREFIX) ? text.slice(INCOMPLETE_PREFIX.length) : text;
  const values = blockValues(body.replace(RESPOND_LINE, ''));
  const known = new Set(inputs.map((f) => f.name));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (known.size === 0 || known.has(key)) out[key] = value.replace(RESPOND_LINE, '').trim();
  }
  return out;
}

export function parsePrompt(messages: readonly SimMessage[]): ParsedPrompt {
  const ax = parseAxPrompt(messages);
  if (ax) return ax;
  const userText = messages
    .filter((m) => m.role === 'user')
    .map(messageText)
    .join('\n\n');
  const systemIndex = messages.findIndex((m) => m.role === 'system');
  const header = systemIndex >= 0 ? parseHeader(messageText(messages[systemIndex] as SimMessage)) : null;
  if (!header) {
    return { format: 'unknown', inputs: [], outputs: [], instructions: '', demos: [], inputsNow: {}, userText };
  }
  const rest = messages.slice(systemIndex + 1).filter((m) => m.role === 'user' || m.role === 'assistant');
  let lastUser = -1;
  rest.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  const demos: ParsedDemo[] = [];
  const names = [...header.inputs, ...header.outputs].map((f) => f.name);
  for (let i = 0; i + 1 < lastUser; ) {
    const user = rest[i] as SimMessage;
    const reply = rest[i + 1] as SimMessage;
    if (user.role === 'user' && reply.role === 'assistant') {
      const values = { ...userValues(messageText(user), header.inputs), ...assistantValues(messageText(reply), header.format) };
      demos.push({ values, complete: names.every((n) => n in values) });
      i += 2;
    } else {
      i += 1;
    }
  }
  const inputsNow = lastUser >= 0 ? userValues(messageText(rest[lastUser] as SimMessage), header.inputs) : {};
  return { ...header, demos, inputsNow, userText };
}
