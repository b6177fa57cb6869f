import { describe, expect, it } from 'vitest';
import { simulateChat } from '../model';
import { dspyMessages } from '../testing/dspyFormat';
import type { SimMessage } from '../types';
import { parseAxPrompt } from './ax';
import { axLineValues, nameFromTitle, parseAxOutputs } from './axFields';
import { parsePrompt } from './prompt';

// Literal messages as @ax-llm/ax 24 sends them (captured by running Ax against the sim server)
// for `ticketText:string -> label:class "billing, shipping, technical, account"`, one demo.
const IDENTITY = '<identity>\nYou will be provided with the following fields: `Ticket Text`. Your task is to generate new fields: `Label`.\n</identity>';
const FIELDS =
  '<input_fields>\n**Input Fields**: The following fields will be provided to you:\n\nTicket Text:\n</input_fields>\n\n' +
  '<output_fields>\n**Output Fields**: You must generate the following fields:\n\n' +
  'Label (wire key: `label`): (This classification class field must be included)Allowed values: billing, shipping, technical, account\n</output_fields>';
const LINE_RULES =
  '<formatting_rules>\n\nReturn one `field name: value` pair per line for the required output fields only, using each exact wire key shown in <output_fields> as the field name.\nAbove rules override later instructions.\n\n</formatting_rules>';
const DEMO_HEAD =
  '## Example Demonstrations\nThe following User/Assistant turns are examples only until --- END OF EXAMPLES ---, not context for the current task.';
const SYSTEM = `${IDENTITY}\n\n${FIELDS}\n\n\n${LINE_RULES}\n\n\n${DEMO_HEAD}`;
const QUERY =
  '--- END OF EXAMPLES ---\nThe examples above were for training purposes only. Please ignore any specific entities or facts mentioned in them.\n\nREAL USER QUERY:\nTicket Text: Where is my parcel?\n';

const CLASSIFY: SimMessage[] = [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: 'Ticket Text: My invoice is wrong' },
  { role: 'assistant', content: 'Label: billing' },
  { role: 'user', content: QUERY },
];

const ADD_SYSTEM =
  '<identity>\nYou will be provided with the following fields: `First Number`, `Second Number`. Your task is to generate new fields: `Total`.\n</identity>\n\n' +
  '<input_fields>\n**Input Fields**: The following fields will be provided to you:\n\nFirst Number:\nSecond Number:\n</input_fields>\n\n' +
  '<output_fields>\n**Output Fields**: You must generate the following fields:\n\nTotal (wire key: `total`): (This number field must be included)\n</output_fields>\n\n\n' +
  LINE_RULES;

describe('parseAxPrompt', () => {
  it('reads the field lists, types, demo and the real query of an Ax request', () => {
    const p = parseAxPrompt(CLASSIFY);
    expect(p).not.toBeNull();
    expect(p?.format).toBe('ax');
    expect(p?.inputs).toEqual([{ name: 'ticketText', type: 'str', desc: '' }]);
    expect(p?.outputs).toEqual([{ name: 'label', type: "Literal['billing', 'shipping', 'technical', 'account']", desc: '' }]);
    expect(p?.demos).toEqual([{ values: { ticketText: 'My invoice is wrong', label: 'billing' }, complete: true }]);
    expect(p?.inputsNow).toEqual({ ticketText: 'Where is my parcel?' });
    expect(p?.instructions).toContain('Your task is to generate new fields');
  });

  it('takes the instruction from <task_definition> when Ax has one', () => {
    const system = SYSTEM.replace(LINE_RULES, `<task_definition>\nRoute each ticket to its team.\n</task_definition>\n${LINE_RULES}`);
    expect(parseAxPrompt([{ role: 'system', content: system }, { role: 'user', content: 'Ticket Text: hi' }])?.instructions).toBe('Route each ticket to its team.');
  });

  it('keeps the query inputs through Ax correction rounds', () => {
    const retry: SimMessage[] = [
      ...CLASSIFY,
      { role: 'assistant', content: 'Billing issue' },
      { role: 'user', content: [{ type: 'text', text: "Invalid Field: Field 'Label' has an invalid value 'Billing issue'" }] },
    ];
    expect(parseAxPrompt(retry)?.inputsNow).toEqual({ ticketText: 'Where is my parcel?' });
    expect(parseAxPrompt(retry)?.demos).toHaveLength(1);
  });

  it('leaves DSPy requests to the DSPy parser', () => {
    const dspy = dspyMessages({ inputs: [{ name: 'text' }], outputs: [{ name: 'label' }] }, [], { text: 'hello' });
    expect(parseAxPrompt(dspy)).toBeNull();
    expect(parsePrompt(dspy).format).toBe('chat');
  });

  it('uses JSON replies when Ax asks for one JSON object', () => {
    const json = SYSTEM.replace(LINE_RULES, '<formatting_rules>\nReturn one valid JSON object matching <output_fields>.\n</formatting_rules>');
    const p = parseAxPrompt([{ role: 'system', content: json }, { role: 'user', content: 'Ticket Text: a' }, { role: 'assistant', content: '{"label": "account"}' }, { role: 'user', content: 'REAL USER QUERY:\nTicket Text: b' }]);
    expect(p?.format).toBe('json');
    expect(p?.demos[0]?.values).toEqual({ ticketText: 'a', label: 'account' });
  });
});

describe('Ax field helpers', () => {
  it('turns Ax titles back into camelCase names', () => {
    expect(nameFromTitle('Ticket Text')).toBe('ticketText');
    expect(nameFromTitle('Total')).toBe('total');
  });

  it('reads optional, numeric and described outputs', () => {
    const fields = parseAxOutputs('Score (wire key: `score`): (Only include this number field if its value is available) How sure.\nFlag (wire key: `isUrgent`): (This boolean field must be included)');
    expect(fields.map((f) => [f.name, f.type, f.desc])).toEqual([
      ['score', 'float', 'How sure.'],
      ['isUrgent', 'bool', ''],
    ]);
  });

  it('joins a value that runs over several lines and accepts wire keys', () => {
    const fields = [
      { name: 'ticketText', title: 'Ticket Text', type: 'str', desc: '' },
      { name: 'label', title: 'Label', type: 'str', desc: '' },
    ];
    expect(axLineValues('Ticket Text: first line\nsecond line\n\nlabel: billing', fields)).toEqual({ ticketText: 'first line\nsecond line', label: 'billing' });
  });
});

describe('the sim answers Ax requests in Ax layout', () => {
  const reply = (messages: SimMessage[]) => simulateChat({ model: 'sim-1', messages, temperature: 0 }).choices[0]?.message.content ?? '';

  it('classifies with a `label: value` line from the allowed values', () => {
    expect(reply(CLASSIFY)).toMatch(/^label: (billing|shipping|technical|account)$/);
  });

  it('adds two numbers', () => {
    expect(reply([{ role: 'system', content: ADD_SYSTEM }, { role: 'user', content: 'First Number: 2\n\nSecond Number: 3\n' }])).toBe('total: 5');
  });

  it('meets the same task model as the DSPy layout: same fields, demo values and inputs', () => {
    const ax = parsePrompt(CLASSIFY);
    const labels = "Literal['billing', 'shipping', 'technical', 'account']";
    const dspy = parsePrompt(dspyMessages({ inputs: [{ name: 'ticketText' }], outputs: [{ name: 'label', type: labels }] }, [{ ticketText: 'My invoice is wrong', label: 'billing' }], { ticketText: 'Where is my parcel?' }));
    expect(ax.inputs.map((f) => [f.name, f.type])).toEqual(dspy.inputs.map((f) => [f.name, f.type]));
    expect(ax.outputs.map((f) => [f.name, f.type])).toEqual(dspy.outputs.map((f) => [f.name, f.type]));
    expect(ax.demos).toEqual(dspy.demos);
    expect(ax.inputsNow).toEqual(dspy.inputsNow);
  });
});
