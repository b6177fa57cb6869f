import { describe, expect, it } from 'vitest';
import { appendField, defaultInstructions, deleteField, insertField, makeSignature, prependField, signatureProblems, withInstructions } from './build';
import { SignatureError } from './errors';
import { parseSignature } from './parse';

describe('defaultInstructions', () => {
  it("is DSPy's sentence, word for word", () => {
    expect(defaultInstructions(['a', 'b'], ['sum'])).toBe('Given the fields `a`, `b`, produce the fields `sum`.');
    expect(defaultInstructions([{ name: 'question' }], [{ name: 'answer' }])).toBe('Given the fields `question`, produce the fields `answer`.');
  });
});

describe('makeSignature', () => {
  it('builds from names and fields, canonicalizing types', () => {
    expect(makeSignature({ inputs: ['question', { name: 'k', type: 'int | None', desc: 'how many' }], outputs: [{ name: 'answer' }] })).toEqual({
      instructions: 'Given the fields `question`, `k`, produce the fields `answer`.',
      inputs: [
        { name: 'question', type: 'str' },
        { name: 'k', type: 'Optional[int]', desc: 'how many' },
      ],
      outputs: [{ name: 'answer', type: 'str' }],
    });
  });

  it('names the field at fault', () => {
    expect(() => makeSignature({ inputs: ['a'], outputs: [{ name: 'b', type: 'intt' }] })).toThrow(new SignatureError("field 'b': unknown type 'intt'"));
    expect(() => makeSignature({ inputs: ['a'], outputs: ['a'] })).toThrow("'a' is both an input and an output");
    expect(() => makeSignature({ inputs: ['x y'], outputs: ['b'] })).toThrow("input field: 'x y' is not an identifier");
  });
});

describe('signatureProblems', () => {
  it('lists every problem', () => {
    const problems = signatureProblems({
      inputs: [{ name: 'a', type: 'str' }, { name: 'a', type: 'int' }, { name: 'for', type: 'str' }],
      outputs: [{ name: 'out', type: 'list[' }],
    });
    expect(problems).toEqual(["duplicate input field 'a'", "input field: 'for' is a Python keyword", "field 'out': expected ']'"]);
  });

  it('is empty for a good signature', () => {
    expect(signatureProblems(parseSignature('a: int -> b: list[str]'))).toEqual([]);
  });
});

describe('signature edits keep instructions, as DSPy does', () => {
  const base = parseSignature('question -> answer');

  it('prepends a reasoning output (ChainOfThought)', () => {
    const cot = prependField(base, 'output', { name: 'reasoning', type: 'str', desc: '${reasoning}' });
    expect(cot.outputs.map((f) => f.name)).toEqual(['reasoning', 'answer']);
    expect(cot.instructions).toBe(base.instructions);
    expect(base.outputs.map((f) => f.name)).toEqual(['answer']);
  });

  it('appends, inserts and deletes', () => {
    const more = appendField(base, 'input', { name: 'context', type: 'list[str]' });
    expect(more.inputs.map((f) => f.name)).toEqual(['question', 'context']);
    expect(insertField(more, 'input', 1, { name: 'hint', type: 'str' }).inputs.map((f) => f.name)).toEqual(['question', 'hint', 'context']);
    expect(deleteField(more, 'question').inputs.map((f) => f.name)).toEqual(['context']);
    expect(() => insertField(base, 'output', 5, { name: 'x', type: 'str' })).toThrow('index 5 is out of range for the output fields');
    expect(() => appendField(base, 'output', { name: 'question', type: 'str' })).toThrow("'question' is both an input and an output");
  });

  it('withInstructions replaces only the instructions', () => {
    expect(withInstructions(base, 'Be brief.')).toEqual({ ...base, instructions: 'Be brief.' });
  });
});
