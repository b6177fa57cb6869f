/**
 * Golden tests for demos in the ChatAdapter prompt, literal copies of what DSPy 3.3.1 sends.
 */
import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { prependField } from '../signature/build';
import { parseSignature } from '../signature/parse';

const lines = (...parts: string[]) => parts.join('\n');

describe('ChatAdapter demos, byte for byte as DSPy', () => {
  it('complete demos become user/assistant pairs before the request', () => {
    const demos = [
      { a: 1, b: 2, sum: 3 },
      { a: 10, b: -4, sum: 6 },
    ];
    expect(chatAdapter.format(parseSignature('a: int, b: int -> sum: int'), demos, { a: 2, b: 3 })).toEqual([
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
          '1',
          '',
          '[[ ## b ## ]]',
          '2',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## sum ## ]]',
          '3',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## a ## ]]',
          '10',
          '',
          '[[ ## b ## ]]',
          '-4',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## sum ## ]]',
          '6',
          '',
          '[[ ## completed ## ]]',
          '',
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

  it('incomplete demos come first with DSPy wording; demos without an input or an output are dropped', () => {
    const signature = parseSignature('question, context -> reasoning, answer', 'Given the fields `question`, produce the fields `reasoning`, `answer`.');
    const demos = [
      { question: 'Q1', context: 'C1', reasoning: 'R1', answer: 'A1' },
      { question: 'Q2', answer: 'A2' },
      { question: 'Q3' },
      { context: 'C4', reasoning: 'R4', answer: null },
      { reasoning: 'only output' },
    ];
    expect(chatAdapter.format(signature, demos, { question: 'Q', context: 'C' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `question` (str): ',
          '2. `context` (str):',
          'Your output fields are:',
          '1. `reasoning` (str): ',
          '2. `answer` (str):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          '[[ ## context ## ]]',
          '{context}',
          '',
          '[[ ## reasoning ## ]]',
          '{reasoning}',
          '',
          '[[ ## answer ## ]]',
          '{answer}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Given the fields `question`, produce the fields `reasoning`, `answer`.',
        ),
      },
      {
        role: 'user',
        content: lines(
          'This is an example of the task, though some input or output fields are not supplied.',
          '',
          '[[ ## question ## ]]',
          'Q2',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## reasoning ## ]]',
          'Not supplied for this particular example. ',
          '',
          '[[ ## answer ## ]]',
          'A2',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          'This is an example of the task, though some input or output fields are not supplied.',
          '',
          '[[ ## context ## ]]',
          'C4',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## reasoning ## ]]',
          'R4',
          '',
          '[[ ## answer ## ]]',
          'None',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## question ## ]]',
          'Q1',
          '',
          '[[ ## context ## ]]',
          'C1',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## reasoning ## ]]',
          'R1',
          '',
          '[[ ## answer ## ]]',
          'A1',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## question ## ]]',
          'Q',
          '',
          '[[ ## context ## ]]',
          'C',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## reasoning ## ]]`, then `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('an augmented (bootstrapped) demo is formatted like any other; a labeled one missing reasoning is incomplete', () => {
    const signature = prependField(parseSignature('question -> answer'), 'output', { name: 'reasoning', type: 'str', desc: '${reasoning}' });
    const demos = [
      { augmented: true, question: 'What is 1+1?', reasoning: '1 plus 1 is 2.', answer: '2' },
      { question: 'Capital of France?', answer: 'Paris' },
    ];
    expect(chatAdapter.format(signature, demos, { question: 'What is 2+3?' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `question` (str):',
          'Your output fields are:',
          '1. `reasoning` (str): ',
          '2. `answer` (str):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          '[[ ## reasoning ## ]]',
          '{reasoning}',
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
          'This is an example of the task, though some input or output fields are not supplied.',
          '',
          '[[ ## question ## ]]',
          'Capital of France?',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## reasoning ## ]]',
          'Not supplied for this particular example. ',
          '',
          '[[ ## answer ## ]]',
          'Paris',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## question ## ]]',
          'What is 1+1?',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## reasoning ## ]]',
          '1 plus 1 is 2.',
          '',
          '[[ ## answer ## ]]',
          '2',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## question ## ]]',
          'What is 2+3?',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## reasoning ## ]]`, then `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });
});
