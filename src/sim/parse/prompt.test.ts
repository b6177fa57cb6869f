import { describe, expect, it } from 'vitest';
import { dspyMessages } from '../testing/dspyFormat';
import type { SimMessage } from '../types';
import { splitBlocks } from './blocks';
import { literalOptions, parseFieldList } from './fields';
import { parsePrompt } from './prompt';

// Literal messages in DSPy's ChatAdapter layout for `a: int, b: int -> sum: int`, one demo.
const ADD_SYSTEM = `Your input fields are:
1. \`a\` (int): 
2. \`b\` (int):
Your output fields are:
1. \`sum\` (int):
All interactions will be structured in the following way, with the appropriate values filled in.

[[ ## a ## ]]
{a}

[[ ## b ## ]]
{b}

[[ ## sum ## ]]
{sum}        # note: the value you produce must be a single int value

[[ ## completed ## ]]
In adhering to this structure, your objective is: 
        Given the fields \`a\`, \`b\`, produce the fields \`sum\`.`;

const ADD_MESSAGES: SimMessage[] = [
  { role: 'system', content: ADD_SYSTEM },
  { role: 'user', content: '[[ ## a ## ]]\n1\n\n[[ ## b ## ]]\n2' },
  { role: 'assistant', content: '[[ ## sum ## ]]\n3\n\n[[ ## completed ## ]]\n' },
  {
    role: 'user',
    content:
      '[[ ## a ## ]]\n27\n\n[[ ## b ## ]]\n58\n\nRespond with the corresponding output fields, starting with the field `[[ ## sum ## ]]` (must be formatted as a valid Python int), and then ending with the marker for `[[ ## completed ## ]]`.',
  },
];

// JSONAdapter layout, a Literal output, two instruction lines, and an incomplete demo first.
const JSON_MESSAGES: SimMessage[] = [
  {
    role: 'system',
    content: `Your input fields are:
1. \`text\` (str): The customer's message
Your output fields are:
1. \`label\` (Literal['billing', 'shipping']):
All interactions will be structured in the following way, with the appropriate values filled in.

Inputs will have the following structure:

[[ ## text ## ]]
{text}

Outputs will be a JSON object with the following fields.

{
  "label": "{label}        # note: the value you produce must exactly match (no extra characters) one of: billing; shipping"
}
In adhering to this structure, your objective is: 
        Route the ticket.
        Answer with one label.`,
  },
  {
    role: 'user',
    content: 'This is an example of the task, though some input or output fields are not supplied.\n\n[[ ## text ## ]]\nMy parcel is late.',
  },
  { role: 'assistant', content: '{\n  "label": "Not supplied for this particular example. "\n}' },
  { role: 'user', content: '[[ ## text ## ]]\nThe invoice is wrong.' },
  { role: 'assistant', content: '{\n  "label": "billing"\n}' },
  { role: 'user', content: '[[ ## text ## ]]\nWhere is my package?\n\nRespond with a JSON object in the following order of fields: `label` (must be formatted as a valid Python Literal[\'billing\', \'shipping\']).' },
];

describe('parsePrompt', () => {
  it('reads a ChatAdapter prompt: fields, types, instructions, demos and current inputs', () => {
    const parsed = parsePrompt(ADD_MESSAGES);
    expect(parsed.format).toBe('chat');
    expect(parsed.inputs).toEqual([
      { name: 'a', type: 'int', desc: '' },
      { name: 'b', type: 'int', desc: '' },
    ]);
    expect(parsed.outputs).toEqual([{ name: 'sum', type: 'int', desc: '' }]);
    expect(parsed.instructions).toBe('Given the fields `a`, `b`, produce the fields `sum`.');
    expect(parsed.demos).toEqual([{ values: { a: '1', b: '2', sum: '3' }, complete: true }]);
    expect(parsed.inputsNow).toEqual({ a: '27', b: '58' });
  });

  it('reads a JSONAdapter prompt with a Literal output, multi-line instructions and an incomplete demo', () => {
    const parsed = parsePrompt(JSON_MESSAGES);
    expect(parsed.format).toBe('json');
    expect(parsed.inputs).toEqual([{ name: 'text', type: 'str', desc: "The customer's message" }]);
    expect(parsed.outputs[0]?.type).toBe("Literal['billing', 'shipping']");
    expect(parsed.instructions).toBe('Route the ticket.\nAnswer with one label.');
    expect(parsed.demos).toEqual([
      { values: { text: 'My parcel is late.' }, complete: false },
      { values: { text: 'The invoice is wrong.', label: 'billing' }, complete: true },
    ]);
    expect(parsed.inputsNow).toEqual({ text: 'Where is my package?' });
  });

  it('treats a request without the DSPy header as unknown and keeps its user text', () => {
    const parsed = parsePrompt([
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: [{ type: 'text', text: 'What is 2 + 2?' }] },
    ]);
    expect(parsed).toMatchObject({ format: 'unknown', inputs: [], outputs: [], demos: [], userText: 'What is 2 + 2?' });
  });

  it('agrees with the test formatter, which is pinned to the literal fixture here', () => {
    const built = dspyMessages(
      { inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] },
      [{ a: 1, b: 2, sum: 3 }],
      { a: 27, b: 58 },
    );
    // DSPy strips only the end of each field list, so the first line keeps its trailing space.
    expect(built[0]?.content).toBe(ADD_SYSTEM);
    expect(built.slice(1)).toEqual(ADD_MESSAGES.slice(1));
  });
});

describe('field and block helpers', () => {
  it('reads Literal options with either quote style and commas inside quotes', () => {
    expect(literalOptions("Literal['a', \"b c\", 'd, e']")).toEqual(['a', 'b c', 'd, e']);
    expect(literalOptions('str')).toEqual([]);
  });

  it('keeps description continuation lines with their field', () => {
    const fields = parseFieldList("1. `q` (str): the question\nConstraints: short\n2. `ctx` (list[str]): passages");
    expect(fields).toEqual([
      { name: 'q', type: 'str', desc: 'the question\nConstraints: short' },
      { name: 'ctx', type: 'list[str]', desc: 'passages' },
    ]);
  });

  it('splits [[ ## ]] blocks like DSPy: text after a header on the same line counts', () => {
    expect(splitBlocks('intro\n[[ ## a ## ]] 1\n[[ ## b ## ]]\n2\n3')).toEqual([
      { name: '', value: 'intro' },
      { name: 'a', value: '1' },
      { name: 'b', value: '2\n3' },
    ]);
  });
});
