import { describe, expect, it } from 'vitest';
import { chatAdapter } from '../adapters/chat';
import { graphFromSignature } from '../program/build';
import { programState } from '../program/state';
import { parseSignature } from '../signature';
import { programPrompts, promptsMarkdown } from './prompts';

const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

describe('programPrompts', () => {
  it('formats each predictor as the ChatAdapter sends it, instructions and demos in place, inputs as placeholders', () => {
    const base = programState(graph);
    const state = { add: { signature: { ...base['add']!.signature, instructions: 'Add the two numbers.' }, demos: [{ a: 1, b: 2, sum: 3, augmented: true }] } };
    const [prompt] = programPrompts(graph, state);
    expect(prompt?.predictor).toBe('add');
    expect(prompt?.messages).toEqual(chatAdapter.format(state.add.signature, state.add.demos, { a: '{a}', b: '{b}' }));
    expect(prompt?.messages[0]?.content).toContain('Add the two numbers.');
    expect(prompt?.messages[1]?.content).toContain('[[ ## a ## ]]\n1');
    expect(prompt?.messages.at(-1)?.content).toContain('[[ ## a ## ]]\n{a}');
  });

  it('names a predictor whose signature cannot be formatted instead of failing them all', () => {
    const state = { add: { signature: { instructions: '', inputs: [{ name: 'a', type: 'Literal[' }], outputs: [{ name: 'sum', type: 'int' }] }, demos: [] } };
    const [prompt] = programPrompts(graph, state);
    expect(prompt?.messages).toEqual([]);
    expect(prompt?.error).toContain("field 'a'");
  });
});

describe('promptsMarkdown', () => {
  it('writes a section per predictor and fences each message so backticks inside cannot end it', () => {
    const text = promptsMarkdown('Sums, run 1', [{ predictor: 'add', messages: [{ role: 'system', content: 'Use ``` fences.' }, { role: 'user', content: 'x' }] }]);
    expect(text).toBe('# Sums, run 1\n\n## add\n\n### system\n\n````text\nUse ``` fences.\n````\n\n### user\n\n```text\nx\n```\n');
  });
});
