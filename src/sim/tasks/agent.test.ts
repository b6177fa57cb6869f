import { describe, expect, it } from 'vitest';
import { ask } from '../testing/evaluate';
import type { FixtureSignature } from '../testing/dspyFormat';

const INSTRUCTIONS = [
  'Answer the question.',
  '',
  'When selecting the next_tool_name and its next_tool_args, the tool must be one of:',
  '',
  "(1) lookup_capital, whose description is <desc>Finds the capital city of a country.</desc>. It takes arguments {'country': {'type': 'string'}}.",
  "(2) count_letters, whose description is <desc>Counts letters in a word.</desc>. It takes arguments {'word': {'type': 'string'}, 'limit': {'type': 'integer'}}.",
  '(3) finish, whose description is <desc>Marks the task as complete.</desc>. It takes arguments {}.',
  'When providing `next_tool_args`, the value inside the field must be in JSON format',
].join('\n');

const react: FixtureSignature = {
  instructions: INSTRUCTIONS,
  inputs: [{ name: 'question' }, { name: 'trajectory' }],
  outputs: [{ name: 'next_thought' }, { name: 'next_tool_name', type: "Literal['lookup_capital', 'count_letters', 'finish']" }, { name: 'next_tool_args', type: 'dict[str, Any]' }],
};
const extract: FixtureSignature = { instructions: 'Answer the question.', inputs: [{ name: 'question' }, { name: 'trajectory' }], outputs: [{ name: 'reasoning' }, { name: 'answer' }] };

const step = '[[ ## thought_0 ## ]]\nLook it up.\n\n[[ ## tool_name_0 ## ]]\nlookup_capital\n\n[[ ## tool_args_0 ## ]]\n{"country": "France"}\n\n[[ ## observation_0 ## ]]\nParis';

describe('the simulated ReAct agent', () => {
  it('picks the tool whose description matches the question and fills its arguments from it', () => {
    const reply = ask(react, [], { question: 'What is the capital city of France?', trajectory: '' });
    expect(reply.next_tool_name).toBe('lookup_capital');
    expect(JSON.parse(reply.next_tool_args ?? '')).toEqual({ country: 'What is the capital city of France?' });
    const count = ask(react, [], { question: 'How many letters are in the word banana?', trajectory: '' });
    expect(count.next_tool_name).toBe('count_letters');
    expect(JSON.parse(count.next_tool_args ?? '')).toEqual({ word: 'How many letters are in the word banana?', limit: 0 });
  });

  it('finishes once an observation is in the trajectory, and answers from it', () => {
    const reply = ask(react, [], { question: 'What is the capital city of France?', trajectory: step });
    expect(reply.next_tool_name).toBe('finish');
    expect(JSON.parse(reply.next_tool_args ?? '')).toEqual({});
    const done = `${step}\n\n[[ ## thought_1 ## ]]\nDone.\n\n[[ ## tool_name_1 ## ]]\nfinish\n\n[[ ## tool_args_1 ## ]]\n{}\n\n[[ ## observation_1 ## ]]\nCompleted.`;
    expect(ask(extract, [], { question: 'What is the capital city of France?', trajectory: done }).answer).toBe('Paris');
  });
});
