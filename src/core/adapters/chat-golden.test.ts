/**
 * Golden tests: each expected prompt below is what DSPy 3.3.1's ChatAdapter produces for the
 * same signature and inputs, written out literally (DSPy's own formatting code was run to
 * obtain them). Any byte of difference is a bug in our adapter.
 */
import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { parseSignature } from '../signature/parse';

const lines = (...parts: string[]) => parts.join('\n');

describe('ChatAdapter prompt, byte for byte as DSPy', () => {
  it('question -> answer', () => {
    expect(chatAdapter.format(parseSignature('question -> answer'), [], { question: 'What is 2+2?' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `question` (str):',
          'Your output fields are:',
          '1. `answer` (str):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          '[[ ## answer ## ]]',
          '{answer}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Given the fields `question`, produce the fields `answer`.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## question ## ]]',
          'What is 2+2?',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('a: int, b: int -> sum: int (type notes, trailing space on all but the last field line)', () => {
    expect(chatAdapter.format(parseSignature('a: int, b: int -> sum: int'), [], { a: 2, b: 3 })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `a` (int): ',
          '2. `b` (int):',
          'Your output fields are:',
          '1. `sum` (int):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## a ## ]]',
          '{a}',
          '',
          '[[ ## b ## ]]',
          '{b}',
          '',
          '[[ ## sum ## ]]',
          '{sum}        # note: the value you produce must be a single int value',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Given the fields `a`, `b`, produce the fields `sum`.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## a ## ]]',
          '2',
          '',
          '[[ ## b ## ]]',
          '3',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## sum ## ]]` (must be formatted as a valid Python int), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('bool and float outputs', () => {
    const signature = parseSignature('statement -> verdict: bool, confidence: float', 'Is the statement true?');
    expect(chatAdapter.format(signature, [], { statement: 'The sky is green.' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `statement` (str):',
          'Your output fields are:',
          '1. `verdict` (bool): ',
          '2. `confidence` (float):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## statement ## ]]',
          '{statement}',
          '',
          '[[ ## verdict ## ]]',
          '{verdict}        # note: the value you produce must be True or False',
          '',
          '[[ ## confidence ## ]]',
          '{confidence}        # note: the value you produce must be a single float value',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Is the statement true?',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## statement ## ]]',
          'The sky is green.',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## verdict ## ]]` (must be formatted as a valid Python bool), then `[[ ## confidence ## ]]` (must be formatted as a valid Python float), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('a Literal output', () => {
    const signature = parseSignature("text -> sentiment: Literal['positive', 'negative', 'neutral']", 'Classify the sentiment.');
    expect(chatAdapter.format(signature, [], { text: 'I love it!' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `text` (str):',
          'Your output fields are:',
          '1. `sentiment` (Literal[\'positive\', \'negative\', \'neutral\']):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## text ## ]]',
          '{text}',
          '',
          '[[ ## sentiment ## ]]',
          '{sentiment}        # note: the value you produce must exactly match (no extra characters) one of: positive; negative; neutral',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Classify the sentiment.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## text ## ]]',
          'I love it!',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## sentiment ## ]]` (must be formatted as a valid Python Literal[\'positive\', \'negative\', \'neutral\']), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('list[str] input and output; a list given to a str field is numbered and «quoted»', () => {
    const signature = parseSignature('docs: list[str], context -> keywords: list[str]', 'Pick keywords.');
    const inputs = { docs: ['alpha', 'beta'], context: ['first passage', 'second\npassage with «quotes»', 'third'] };
    expect(chatAdapter.format(signature, [], inputs)).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `docs` (list[str]): ',
          '2. `context` (str):',
          'Your output fields are:',
          '1. `keywords` (list[str]):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## docs ## ]]',
          '{docs}',
          '',
          '[[ ## context ## ]]',
          '{context}',
          '',
          '[[ ## keywords ## ]]',
          '{keywords}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"type": "string"}}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Pick keywords.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## docs ## ]]',
          '["alpha", "beta"]',
          '',
          '[[ ## context ## ]]',
          '[1] «first passage»',
          '[2] «««',
          '    second',
          '    passage with «quotes»',
          '»»»',
          '[3] «third»',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## keywords ## ]]` (must be formatted as a valid Python list[str]), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('dict, dict[str, int] and Any outputs carry their JSON schema', () => {
    const signature = parseSignature('text -> entities: dict, counts: dict[str, int], meta: Any', 'Extract entities.');
    expect(chatAdapter.format(signature, [], { text: 'Paris is in France.' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `text` (str):',
          'Your output fields are:',
          '1. `entities` (dict): ',
          '2. `counts` (dict[str, int]): ',
          '3. `meta` (Any):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## text ## ]]',
          '{text}',
          '',
          '[[ ## entities ## ]]',
          '{entities}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": true}',
          '',
          '[[ ## counts ## ]]',
          '{counts}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": {"type": "integer"}}',
          '',
          '[[ ## meta ## ]]',
          '{meta}        # note: the value you produce must adhere to the JSON schema: {}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Extract entities.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## text ## ]]',
          'Paris is in France.',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## entities ## ]]` (must be formatted as a valid Python dict), then `[[ ## counts ## ]]` (must be formatted as a valid Python dict[str, int]), then `[[ ## meta ## ]]` (must be formatted as a valid Python Any), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });
});
