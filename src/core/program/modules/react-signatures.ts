/**
 * The two signatures dspy.ReAct builds from the user's one (dspy/predict/react.py): `react`
 * picks the next tool, `extract` (a ChainOfThought) writes the outputs from the trajectory. The
 * instruction text and the tool lines are DSPy's, character for character, so an exported
 * program prompts the same way in Python.
 */
import { z } from 'zod';
import { formatFieldValue } from '../../adapters/field-value';
import { pyRepr, pyStrip } from '../../signature';
import type { Field, Signature } from '../../signature/types';

export const toolSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a tool name must be a Python identifier').describe('The name the LM calls the tool by.'),
  description: z.string().default('').describe('What the tool does, shown to the LM.'),
  parameters: z
    .object({
      type: z.literal('object').default('object'),
      properties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
      required: z.array(z.string()).optional(),
    })
    .default({ type: 'object', properties: {} })
    .describe("The tool's arguments as a JSON-schema object, e.g. { properties: { query: { type: 'string' } } }."),
  code: z.string().describe('The body of an async JavaScript function; each argument is a parameter. Its return value is the observation.'),
});

export type Tool = z.infer<typeof toolSchema>;

/** dspy.ReAct's own tool: ends the loop. */
export const FINISH = 'finish';

const list = (fields: Field[]) => fields.map((f) => `\`${f.name}\``).join(', ');

/** `Tool.__str__` in DSPy: `name, whose description is <desc>…</desc>. It takes arguments {…}.` */
function toolLine(name: string, description: string, args: Record<string, unknown>): string {
  const desc = description ? `, whose description is <desc>${description}</desc>.`.replace(/\n/g, '  ') : '.';
  return `${name}${desc} It takes arguments ${pyRepr(args)}.`;
}

export function reactInstructions(signature: Signature, tools: Tool[]): string {
  const inputs = list(signature.inputs);
  const outputs = list(signature.outputs);
  const instr = signature.instructions ? [`${signature.instructions}\n`] : [];
  instr.push(
    `You are an Agent. In each episode, you will be given the fields ${inputs} as input. And you can see your past trajectory so far.`,
    `Your goal is to use one or more of the supplied tools to collect any necessary information for producing ${outputs}.\n`,
    'To do this, you will interleave next_thought, next_tool_name, and next_tool_args in each turn, and also when finishing the task.',
    'After each tool call, you receive a resulting observation, which gets appended to your trajectory.\n',
    'When writing next_thought, you may reason about the current situation and plan for future steps.',
    'When selecting the next_tool_name and its next_tool_args, the tool must be one of:\n',
  );
  const lines = tools.filter((t) => t.name !== FINISH).map((t) => toolLine(t.name, t.description, t.parameters.properties));
  lines.push(toolLine(FINISH, `Marks the task as complete. That is, signals that all information for producing the outputs, i.e. ${outputs}, are now available to be extracted.`, {}));
  lines.forEach((line, i) => instr.push(`(${i + 1}) ${line}`));
  instr.push('When providing `next_tool_args`, the value inside the field must be in JSON format');
  return instr.join('\n');
}

const TRAJECTORY: Field = { name: 'trajectory', type: 'str' };

export function toolNames(tools: Tool[]): string[] {
  return [...tools.map((t) => t.name).filter((n) => n !== FINISH), FINISH];
}

export function reactSignature(signature: Signature, tools: Tool[]): Signature {
  const names = toolNames(tools).map((n) => pyRepr(n)).join(', ');
  return {
    instructions: reactInstructions(signature, tools),
    inputs: [...signature.inputs, TRAJECTORY],
    outputs: [
      { name: 'next_thought', type: 'str' },
      { name: 'next_tool_name', type: `Literal[${names}]` },
      { name: 'next_tool_args', type: 'dict[str, Any]' },
    ],
  };
}

/** The extract step's signature before ChainOfThought adds `reasoning`. */
export function extractSignature(signature: Signature): Signature {
  return { instructions: signature.instructions, inputs: [...signature.inputs, TRAJECTORY], outputs: signature.outputs };
}

/** `ReAct._format_trajectory`: the ChatAdapter's user-message blocks for each trajectory entry. */
export function formatTrajectory(trajectory: Record<string, unknown>): string {
  const blocks = Object.entries(trajectory).map(([key, value]) => `[[ ## ${key} ## ]]\n${formatFieldValue(value, { kind: 'str' })}`);
  return pyStrip(['', ...blocks, ''].join('\n\n'));
}
