/**
 * DSPy's JSONAdapter: the same system header and `[[ ## field ## ]]` inputs, but the outputs
 * are one JSON object, requested with `response_format: {"type": "json_object"}`.
 */
import { AdapterParseError } from './types';
import type { Adapter } from './types';
import { fieldPlaceholder } from './annotation';
import { STRUCTURE_INTRO, formatMessages, placeholderBlocks, typeReminder } from './layout';
import type { Layout } from './layout';
import { completeOutputs } from './outputs';
import { has, resolveSignature } from './resolve';
import type { ResolvedSignature } from './resolve';
import { coerceToSpec } from '../signature/coerce';
import { parseLenientJson } from '../signature/lenient-json';
import { pyJsonDumps } from '../signature/py-value';
import { pyStrip } from '../signature/py-text';

export const jsonLayout: Layout = {
  adapter: 'json',
  fieldStructure(signature) {
    const template = Object.fromEntries(signature.outputs.map((f) => [f.name, fieldPlaceholder(f.name, f.spec, 'output')]));
    const parts = [
      STRUCTURE_INTRO,
      'Inputs will have the following structure:',
      placeholderBlocks(signature.inputs, 'input'),
      'Outputs will be a JSON object with the following fields.',
      pyJsonDumps(template, 2),
    ];
    return pyStrip(parts.join('\n\n'));
  },
  outputRequirements(signature) {
    const fields = signature.outputs.map((f) => `\`${f.name}\`${typeReminder(f)}`).join(', then ');
    return `Respond with a JSON object in the following order of fields: ${fields}.`;
  },
  assistantContent(signature, outputs, missing) {
    const object = Object.fromEntries(signature.outputs.map((f) => [f.name, has(outputs, f.name) ? outputs[f.name] : (missing ?? null)]));
    return pyJsonDumps(object, 2);
  },
};

export const jsonAdapter: Adapter = {
  name: 'json',
  format(signature, demos, inputs) {
    return formatMessages(jsonLayout, resolveSignature(signature), demos, inputs);
  },
  parse(signature, completion) {
    return parseJsonReply(resolveSignature(signature), completion);
  },
  responseFormat() {
    return { type: 'json_object' };
  },
};

/** Tolerant JSON first; failing an object, the first balanced `{...}` in the reply. */
export function parseJsonReply(signature: ResolvedSignature, completion: string): Record<string, unknown> {
  if (pyStrip(completion) === '') throw new AdapterParseError('the LM returned an empty reply', 'json', completion);
  let object = asObject(parseLenientJson(completion));
  if (!object) {
    const balanced = firstBalancedObject(completion);
    if (balanced !== undefined) object = asObject(parseLenientJson(balanced));
  }
  if (!object) throw new AdapterParseError('the reply is not a JSON object', 'json', completion);
  const parsed: Record<string, unknown> = {};
  for (const field of signature.outputs) {
    if (!Object.hasOwn(object, field.name)) continue;
    const result = coerceToSpec(object[field.name], field.spec, field.name);
    if (!result.ok) throw new AdapterParseError(`could not parse output field '${field.name}': ${result.message}`, 'json', completion, field.name);
    parsed[field.name] = result.value;
  }
  return completeOutputs(signature, parsed, 'json', completion, (name) => `a "${name}" key`);
}

function asObject(result: ReturnType<typeof parseLenientJson>): Record<string, unknown> | undefined {
  if (!result.ok) return undefined;
  const value = result.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The leftmost `{...}` whose braces balance, as DSPy's recursive regex finds it (quotes are
 * not special to it either). One pass: each `}` closes the latest open `{`.
 */
export function firstBalancedObject(text: string): string | undefined {
  const open: number[] = [];
  let best: [number, number] | undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') open.push(i);
    else if (text[i] === '}' && open.length > 0) {
      const start = open.pop() as number;
      if (!best || start < best[0]) best = [start, i];
    }
  }
  return best && text.slice(best[0], best[1] + 1);
}
