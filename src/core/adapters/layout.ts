/**
 * The message layout DSPy's ChatAdapter and JSONAdapter share (`Adapter.format`,
 * `format_demos`, the system message): the two adapters differ only in the pieces a
 * `Layout` supplies. Every join and strip here mirrors DSPy's, because the prompt must be
 * byte-identical to the one DSPy sends.
 */
import type { AdapterName } from './types';
import type { ChatMessage } from '../lm/types';
import { annotationName, fieldPlaceholder } from './annotation';
import { formatFieldValue } from './field-value';
import { rememberedDemoTurns, rememberedSystemMessage } from './format-memo';
import { has } from './resolve';
import type { ResolvedField, ResolvedSignature } from './resolve';
import { cleandoc, dedent, pyStrip, splitLines } from '../signature/py-text';
import type { Demo } from '../signature/types';

export interface Layout {
  readonly adapter: AdapterName;
  /** The "All interactions will be structured..." part of the system message. */
  fieldStructure(signature: ResolvedSignature): string;
  /** The last paragraph of the final user message. */
  outputRequirements(signature: ResolvedSignature): string;
  /** A demo's assistant turn; `missing` stands in for outputs the demo lacks. */
  assistantContent(signature: ResolvedSignature, outputs: Record<string, unknown>, missing?: string): string;
}

export const STRUCTURE_INTRO = 'All interactions will be structured in the following way, with the appropriate values filled in.';
const INCOMPLETE_DEMO_PREFIX = 'This is an example of the task, though some input or output fields are not supplied.';
const NOT_SUPPLIED = 'Not supplied for this particular example. ';
const NOT_SUPPLIED_HISTORY = 'Not supplied for this conversation history message. ';
const OBJECTIVE_INDENT = '\n' + ' '.repeat(8);

export function formatMessages(layout: Layout, signature: ResolvedSignature, demos: Demo[], inputs: Record<string, unknown>): ChatMessage[] {
  const messages: ChatMessage[] = [
    rememberedSystemMessage(layout, signature, () => systemMessage(layout, signature)),
    ...rememberedDemoTurns(layout, signature, demos, () => formatDemos(layout, signature, demos)),
  ];
  const content = userContent(layout, signature, inputs, { main: true });
  if (content) messages.push({ role: 'user', content });
  return messages;
}

export function systemMessage(layout: Layout, signature: ResolvedSignature): string {
  const description = `Your input fields are:\n${fieldDescriptions(signature.inputs)}\nYour output fields are:\n${fieldDescriptions(signature.outputs)}`;
  return `${description}\n${layout.fieldStructure(signature)}\n${taskDescription(signature.instructions)}`;
}

/** `1. \`a\` (int): desc` lines; DSPy's `${name}` placeholder description prints as nothing. */
function fieldDescriptions(fields: readonly ResolvedField[]): string {
  const lines = fields.map((f, i) => {
    const desc = f.desc === undefined || f.desc === `\${${f.name}}` ? '' : f.desc;
    return `${i + 1}. \`${f.name}\` (${annotationName(f.spec)}): ${desc}`;
  });
  return pyStrip(lines.join('\n'));
}

/** The instructions, one 8-space-indented line each (DSPy reads them through `cleandoc`). */
function taskDescription(instructions: string): string {
  const lines = splitLines(dedent(cleandoc(instructions)));
  return `In adhering to this structure, your objective is: ${lines.map((l) => OBJECTIVE_INDENT + l).join('')}`;
}

/** `[[ ## name ## ]]` blocks, as in the structure section, demos and requests. */
export function fieldBlocks(fields: Array<{ field: ResolvedField; value: unknown }>): string {
  return pyStrip(fields.map(({ field, value }) => `[[ ## ${field.name} ## ]]\n${formatFieldValue(value, field.spec)}`).join('\n\n'));
}

/** The structure section's blocks: a `{name}` placeholder per field, with type notes on outputs. */
export function placeholderBlocks(fields: readonly ResolvedField[], role: 'input' | 'output'): string {
  return fieldBlocks(fields.map((field) => ({ field, value: fieldPlaceholder(field.name, field.spec, role) })));
}

export function userContent(layout: Layout, signature: ResolvedSignature, inputs: Record<string, unknown>, options: { prefix?: string; main?: boolean } = {}): string {
  const parts = [options.prefix ?? ''];
  for (const field of signature.inputs) {
    if (has(inputs, field.name)) parts.push(`[[ ## ${field.name} ## ]]\n${formatFieldValue(inputs[field.name], field.spec)}`);
  }
  if (options.main) parts.push(layout.outputRequirements(signature));
  parts.push('');
  return pyStrip(parts.join('\n\n'));
}

/**
 * One user/assistant pair per demo. Demos missing a field (or holding None) but having at
 * least one input and one output go first, flagged as incomplete; demos with neither are
 * dropped, as DSPy drops them.
 */
export function formatDemos(layout: Layout, signature: ResolvedSignature, demos: Demo[]): ChatMessage[] {
  const fields = [...signature.inputs, ...signature.outputs];
  const complete: Demo[] = [];
  const incomplete: Demo[] = [];
  for (const demo of demos) {
    if (fields.every((f) => has(demo, f.name) && demo[f.name] !== null)) complete.push(demo);
    else if (signature.inputs.some((f) => has(demo, f.name)) && signature.outputs.some((f) => has(demo, f.name))) incomplete.push(demo);
  }
  const messages: ChatMessage[] = [];
  for (const demo of incomplete) {
    messages.push({ role: 'user', content: userContent(layout, signature, demo, { prefix: INCOMPLETE_DEMO_PREFIX }) });
    messages.push({ role: 'assistant', content: layout.assistantContent(signature, demo, NOT_SUPPLIED) });
  }
  for (const demo of complete) {
    messages.push({ role: 'user', content: userContent(layout, signature, demo) });
    messages.push({ role: 'assistant', content: layout.assistantContent(signature, demo, NOT_SUPPLIED_HISTORY) });
  }
  return messages;
}

/** The type reminder after a field in the final request, e.g. ` (must be formatted as a valid Python int)`. */
export function typeReminder(field: ResolvedField): string {
  return field.spec.kind === 'str' ? '' : ` (must be formatted as a valid Python ${annotationName(field.spec)})`;
}
