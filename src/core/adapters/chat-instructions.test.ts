/**
 * Golden tests for descriptions, instructions and ChainOfThought signatures in the ChatAdapter
 * prompt: literal copies of what DSPy 3.3.1 sends.
 */
import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { prependField } from '../signature/build';
import { parseSignature } from '../signature/parse';
import type { Signature } from '../signature/types';

const lines = (...parts: string[]) => parts.join('\n');

describe('ChatAdapter instructions and descriptions, byte for byte as DSPy', () => {
  it('field descriptions (the ${name} default is hidden)', () => {
    const signature: Signature = {
      instructions: 'Answer questions with short factoid answers.',
      inputs: [
        { name: 'context', type: 'str', desc: 'may contain relevant facts' },
        { name: 'question', type: 'str', desc: '${question}' },
      ],
      outputs: [{ name: 'answer', type: 'str', desc: 'often between 1 and 5 words' }],
    };
    const inputs = { context: 'Paris is the capital of France.', question: 'What is the capital of France?' };
    expect(chatAdapter.format(signature, [], inputs)).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `context` (str): may contain relevant facts',
          '2. `question` (str):',
          'Your output fields are:',
          '1. `answer` (str): often between 1 and 5 words',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## context ## ]]',
          '{context}',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          '[[ ## answer ## ]]',
          '{answer}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        Answer questions with short factoid answers.',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## context ## ]]',
          'Paris is the capital of France.',
          '',
          '[[ ## question ## ]]',
          'What is the capital of France?',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('custom instructions over several lines are cleaned and indented 8 spaces', () => {
    const instructions = '  You are a careful grader.\n\n    Read the answer.\n    Then score it:\n\t- 1 if right\n      - 0 otherwise\n   \n';
    const signature = parseSignature('answer -> score: int', instructions);
    expect(chatAdapter.format(signature, [], { answer: '42' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `answer` (str):',
          'Your output fields are:',
          '1. `score` (int):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## answer ## ]]',
          '{answer}',
          '',
          '[[ ## score ## ]]',
          '{score}        # note: the value you produce must be a single int value',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        You are a careful grader.',
          '        ',
          '        Read the answer.',
          '        Then score it:',
          '            - 1 if right',
          '          - 0 otherwise',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## answer ## ]]',
          '42',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## score ## ]]` (must be formatted as a valid Python int), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });

  it('ChainOfThought-style: reasoning output first, instructions unchanged', () => {
    const signature = prependField(parseSignature('question -> answer: int'), 'output', { name: 'reasoning', type: 'str', desc: '${reasoning}' });
    expect(chatAdapter.format(signature, [], { question: 'What is 3 times 4?' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `question` (str):',
          'Your output fields are:',
          '1. `reasoning` (str): ',
          '2. `answer` (int):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          '[[ ## reasoning ## ]]',
          '{reasoning}',
          '',
          '[[ ## answer ## ]]',
          '{answer}        # note: the value you produce must be a single int value',
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
          'What is 3 times 4?',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## reasoning ## ]]`, then `[[ ## answer ## ]]` (must be formatted as a valid Python int), and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });
});
