/**
 * DSPy's ChatAdapter: `[[ ## field ## ]]` sections in, `[[ ## field ## ]]` sections out,
 * ending with `[[ ## completed ## ]]`.
 */
import { AdapterParseError } from './types';
import type { Adapter } from './types';
import { STRUCTURE_INTRO, fieldBlocks, formatMessages, placeholderBlocks, typeReminder } from './layout';
import type { Layout } from './layout';
import { completeOutputs } from './outputs';
import { has, resolveSignature } from './resolve';
import type { ResolvedSignature } from './resolve';
import { coerceToSpec } from '../signature/coerce';
import { pyStrip, splitLines } from '../signature/py-text';

const COMPLETED = '[[ ## completed ## ]]';
/** Python's `\w` is Unicode-aware; field names may be any Python identifier. */
const HEADER = /^\[\[ ## ([\p{L}\p{N}_]+) ## \]\]/u;

export const chatLayout: Layout = {
  adapter: 'chat',
  fieldStructure(signature) {
    const parts = [STRUCTURE_INTRO, placeholderBlocks(signature.inputs, 'input'), placeholderBlocks(signature.outputs, 'output'), `${COMPLETED}\n`];
    return pyStrip(parts.join('\n\n'));
  },
  outputRequirements(signature) {
    const fields = signature.outputs.map((f) => `\`[[ ## ${f.name} ## ]]\`${typeReminder(f)}`).join(', then ');
    return `Respond with the corresponding output fields, starting with the field ${fields}, and then ending with the marker for \`${COMPLETED}\`.`;
  },
  assistantContent(signature, outputs, missing) {
    const blocks = fieldBlocks(signature.outputs.map((field) => ({ field, value: has(outputs, field.name) ? outputs[field.name] : missing })));
    return `${blocks}\n\n${COMPLETED}\n`;
  },
};

export const chatAdapter: Adapter = {
  name: 'chat',
  format(signature, demos, inputs) {
    return formatMessages(chatLayout, resolveSignature(signature), demos, inputs);
  },
  parse(signature, completion) {
    return parseChatReply(resolveSignature(signature), completion);
  },
};

/**
 * Splits the reply at header lines (text after a header on the same line belongs to it),
 * keeps the first section of each output field, ignores unknown names, and types each value.
 */
export function parseChatReply(signature: ResolvedSignature, completion: string): Record<string, unknown> {
  if (pyStrip(completion) === '') throw new AdapterParseError('the LM returned an empty reply', 'chat', completion);
  const sections: Array<{ name?: string; lines: string[] }> = [{ lines: [] }];
  for (const line of splitLines(completion)) {
    const stripped = pyStrip(line);
    const header = HEADER.exec(stripped);
    if (header) {
      const rest = pyStrip(stripped.slice(header[0].length));
      sections.push({ name: header[1], lines: rest ? [rest] : [] });
    } else {
      sections[sections.length - 1]?.lines.push(line);
    }
  }
  const parsed: Record<string, unknown> = {};
  for (const { name, lines } of sections) {
    const field = signature.outputs.find((f) => f.name === name);
    if (!field || Object.hasOwn(parsed, field.name)) continue;
    const result = coerceToSpec(pyStrip(lines.join('\n')), field.spec, field.name);
    if (!result.ok) throw new AdapterParseError(`could not parse output field '${field.name}': ${result.message}`, 'chat', completion, field.name);
    parsed[field.name] = result.value;
  }
  return completeOutputs(signature, parsed, 'chat', completion, (name) => `a \`[[ ## ${name} ## ]]\` section`);
}
