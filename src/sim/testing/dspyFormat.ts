/**
 * A test-only writer of DSPy ChatAdapter / JSONAdapter messages, so the sim's tests can build
 * many prompts. It is written from DSPy's documented layout (shared/reference/dspy.md §3), not
 * from core's adapter, which the sim may not import; prompt.test.ts pins it to a literal fixture.
 */
import type { SimMessage } from '../types';

export interface FixtureField {
  name: string;
  type?: string;
  desc?: string;
}

export interface FixtureSignature {
  inputs: FixtureField[];
  outputs: FixtureField[];
  instructions?: string;
}

export type FixtureValues = Record<string, string | number | boolean>;

const typeOf = (f: FixtureField) => f.type ?? 'str';

function note(f: FixtureField): string {
  const t = typeOf(f);
  if (t === 'str') return '';
  if (t === 'bool') return '        # note: the value you produce must be True or False';
  if (t === 'int' || t === 'float') return `        # note: the value you produce must be a single ${t} value`;
  if (t.startsWith('Literal[')) {
    const options = [...t.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    return `        # note: the value you produce must exactly match (no extra characters) one of: ${options.join('; ')}`;
  }
  return `        # note: the value you produce must adhere to the JSON schema: {}`;
}

function describeFields(fields: FixtureField[]): string {
  return fields
    .map((f, i) => `${i + 1}. \`${f.name}\` (${typeOf(f)}): ${f.desc ?? ''}`)
    .join('\n')
    .trim();
}

export function defaultInstructions(sig: FixtureSignature): string {
  const names = (fs: FixtureField[]) => fs.map((f) => `\`${f.name}\``).join(', ');
  return `Given the fields ${names(sig.inputs)}, produce the fields ${names(sig.outputs)}.`;
}

function systemMessage(sig: FixtureSignature, json: boolean): string {
  const inputBlocks = sig.inputs.map((f) => `[[ ## ${f.name} ## ]]\n{${f.name}}`).join('\n\n');
  const outputBlocks = json
    ? `{\n${sig.outputs.map((f) => `  "${f.name}": "{${f.name}}${note(f)}"`).join(',\n')}\n}`
    : sig.outputs.map((f) => `[[ ## ${f.name} ## ]]\n{${f.name}}${note(f)}`).join('\n\n');
  const structure = json
    ? ['All interactions will be structured in the following way, with the appropriate values filled in.', 'Inputs will have the following structure:', inputBlocks, 'Outputs will be a JSON object with the following fields.', outputBlocks].join('\n\n')
    : ['All interactions will be structured in the following way, with the appropriate values filled in.', inputBlocks, outputBlocks, '[[ ## completed ## ]]'].join('\n\n');
  const objective = (sig.instructions ?? defaultInstructions(sig)).split('\n').map((l) => `\n        ${l}`).join('');
  return `Your input fields are:\n${describeFields(sig.inputs)}\nYour output fields are:\n${describeFields(sig.outputs)}\n${structure}\nIn adhering to this structure, your objective is: ${objective}`;
}

const show = (v: string | number | boolean) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

function userContent(sig: FixtureSignature, values: FixtureValues, prefix = ''): string {
  const parts = [prefix, ...sig.inputs.filter((f) => f.name in values).map((f) => `[[ ## ${f.name} ## ]]\n${show(values[f.name] as string)}`)];
  return parts.filter(Boolean).join('\n\n');
}

function requirements(sig: FixtureSignature, json: boolean): string {
  const info = (f: FixtureField) => (typeOf(f) === 'str' ? '' : ` (must be formatted as a valid Python ${typeOf(f)})`);
  if (json) return `Respond with a JSON object in the following order of fields: ${sig.outputs.map((f) => `\`${f.name}\`${info(f)}`).join(', then ')}.`;
  return `Respond with the corresponding output fields, starting with the field ${sig.outputs.map((f) => `\`[[ ## ${f.name} ## ]]\`${info(f)}`).join(', then ')}, and then ending with the marker for \`[[ ## completed ## ]]\`.`;
}

function assistantContent(sig: FixtureSignature, values: FixtureValues, json: boolean): string {
  if (json) {
    const obj: Record<string, unknown> = {};
    for (const f of sig.outputs) obj[f.name] = values[f.name] ?? 'Not supplied for this particular example. ';
    return JSON.stringify(obj, null, 2);
  }
  const blocks = sig.outputs.map((f) => `[[ ## ${f.name} ## ]]\n${f.name in values ? show(values[f.name] as string) : 'Not supplied for this particular example. '}`);
  return `${blocks.join('\n\n')}\n\n[[ ## completed ## ]]\n`;
}

/** Messages as DSPy's ChatAdapter (or JSONAdapter with `json`) would send them. */
export function dspyMessages(sig: FixtureSignature, demos: FixtureValues[], inputs: FixtureValues, json = false): SimMessage[] {
  const all = [...sig.inputs, ...sig.outputs].map((f) => f.name);
  const complete = demos.filter((d) => all.every((n) => n in d));
  const incomplete = demos.filter((d) => !all.every((n) => n in d));
  const messages: SimMessage[] = [{ role: 'system', content: systemMessage(sig, json) }];
  const prefix = 'This is an example of the task, though some input or output fields are not supplied.';
  for (const d of incomplete) {
    messages.push({ role: 'user', content: userContent(sig, d, prefix) }, { role: 'assistant', content: assistantContent(sig, d, json) });
  }
  for (const d of complete) {
    messages.push({ role: 'user', content: userContent(sig, d) }, { role: 'assistant', content: assistantContent(sig, d, json) });
  }
  messages.push({ role: 'user', content: `${userContent(sig, inputs)}\n\n${requirements(sig, json)}` });
  return messages;
}
