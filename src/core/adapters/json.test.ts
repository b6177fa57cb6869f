/**
 * JSONAdapter: golden prompts (literal copies of what DSPy 3.3.1's JSONAdapter produces) and
 * reply parsing.
 */
import { describe, expect, it } from 'vitest';
import { firstBalancedObject, jsonAdapter } from './json';
import { AdapterParseError } from './types';
import { parseSignature } from '../signature/parse';

const lines = (...parts: string[]) => parts.join('\n');

describe('JSONAdapter prompt, byte for byte as DSPy', () => {
  it('question -> answer', () => {
    expect(jsonAdapter.format(parseSignature('question -> answer'), [], { question: 'What is 2+2?' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `question` (str):',
          'Your output fields are:',
          '1. `answer` (str):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          'Inputs will have the following structure:',
          '',
          '[[ ## question ## ]]',
          '{question}',
          '',
          'Outputs will be a JSON object with the following fields.',
          '',
          '{',
          '  "answer": "{answer}"',
          '}',
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
          'Respond with a JSON object in the following order of fields: `answer`.',
        ),
      },
    ]);
  });

  it('typed fields with demos: the assistant turns are JSON', () => {
    const demos = [
      { a: 1, b: 2, sum: 3 },
      { a: 10, b: -4, sum: 6 },
    ];
    expect(jsonAdapter.format(parseSignature('a: int, b: int -> sum: int'), demos, { a: 2, b: 3 })).toEqual([
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
          'Inputs will have the following structure:',
          '',
          '[[ ## a ## ]]',
          '{a}',
          '',
          '[[ ## b ## ]]',
          '{b}',
          '',
          'Outputs will be a JSON object with the following fields.',
          '',
          '{',
          '  "sum": "{sum}        # note: the value you produce must be a single int value"',
          '}',
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
          '{',
          '  "sum": 3',
          '}',
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
          '{',
          '  "sum": 6',
          '}',
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
          'Respond with a JSON object in the following order of fields: `sum` (must be formatted as a valid Python int).',
        ),
      },
    ]);
  });

  it('an incomplete demo carries the "not supplied" text as a JSON string', () => {
    const signature = parseSignature('a -> b: int, c: list[str]', 'x');
    const demos = [{ a: 'x', b: 1 }, { a: 'y', b: 2, c: ['p', 'q'] }];
    expect(jsonAdapter.format(signature, demos, { a: 'z' })).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `a` (str):',
          'Your output fields are:',
          '1. `b` (int): ',
          '2. `c` (list[str]):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          'Inputs will have the following structure:',
          '',
          '[[ ## a ## ]]',
          '{a}',
          '',
          'Outputs will be a JSON object with the following fields.',
          '',
          '{',
          '  "b": "{b}        # note: the value you produce must be a single int value",',
          '  "c": "{c}        # note: the value you produce must adhere to the JSON schema: {\\"type\\": \\"array\\", \\"items\\": {\\"type\\": \\"string\\"}}"',
          '}',
          'In adhering to this structure, your objective is: ',
          '        x',
        ),
      },
      {
        role: 'user',
        content: lines(
          'This is an example of the task, though some input or output fields are not supplied.',
          '',
          '[[ ## a ## ]]',
          'x',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '{',
          '  "b": 1,',
          '  "c": "Not supplied for this particular example. "',
          '}',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## a ## ]]',
          'y',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '{',
          '  "b": 2,',
          '  "c": [',
          '    "p",',
          '    "q"',
          '  ]',
          '}',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## a ## ]]',
          'z',
          '',
          'Respond with a JSON object in the following order of fields: `b` (must be formatted as a valid Python int), then `c` (must be formatted as a valid Python list[str]).',
        ),
      },
    ]);
  });

  it('asks for a JSON object response', () => {
    expect(jsonAdapter.responseFormat?.(parseSignature('q -> a'))).toEqual({ type: 'json_object' });
  });
});

describe('JSONAdapter.parse', () => {
  const signature = parseSignature("q -> answer, score: int, label: Literal['yes', 'no'], tags: list[str]");

  it('reads a JSON object and types its values', () => {
    expect(jsonAdapter.parse(signature, '{"answer": "Paris", "score": "3", "label": "Yes", "tags": ["a"]}')).toEqual({
      answer: 'Paris',
      score: 3,
      label: 'yes',
      tags: ['a'],
    });
  });

  it('prints non-string values for str fields as Python would', () => {
    expect(jsonAdapter.parse(parseSignature('q -> a, b'), '{"a": 5, "b": true}')).toEqual({ a: '5', b: 'True' });
  });

  it('repairs Python-style JSON and ignores extra keys', () => {
    expect(jsonAdapter.parse(signature, "{'answer': 'It's', 'score': 1, 'label': 'no', 'tags': [], 'extra': None,}")).toEqual({
      answer: "It's",
      score: 1,
      label: 'no',
      tags: [],
    });
  });

  it('finds the object inside prose and code fences', () => {
    const reply = 'Here is my answer:\n```json\n{"answer": "x", "score": 2, "label": "yes", "tags": ["t"]}\n```\nDone.';
    expect(jsonAdapter.parse(signature, reply)).toEqual({ answer: 'x', score: 2, label: 'yes', tags: ['t'] });
  });

  it('falls back to the first balanced {...} when the reply starts with an array', () => {
    const reply = 'Options [1, 2] then {"answer": "x", "score": 2, "label": "yes", "tags": []}';
    expect(jsonAdapter.parse(signature, reply)).toEqual({ answer: 'x', score: 2, label: 'yes', tags: [] });
  });

  it('rejects a reply with no JSON object', () => {
    expect(() => jsonAdapter.parse(signature, 'I cannot answer that.')).toThrow(AdapterParseError);
    expect(() => jsonAdapter.parse(signature, 'I cannot answer that.')).toThrow('the reply is not a JSON object');
    expect(() => jsonAdapter.parse(signature, '')).toThrow('the LM returned an empty reply');
  });

  it('rejects a missing field, naming it', () => {
    try {
      jsonAdapter.parse(signature, '{"answer": "x", "label": "yes", "tags": []}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdapterParseError);
      expect((error as AdapterParseError).field).toBe('score');
      expect((error as AdapterParseError).message).toBe(`output field 'score' is missing (expected a "score" key)`);
    }
  });

  it('rejects a badly typed value, naming the field', () => {
    expect(() => jsonAdapter.parse(signature, '{"answer": "x", "score": 1.5, "label": "maybe", "tags": []}')).toThrow(
      "could not parse output field 'score': expected an int for field 'score', got 1.5 (it has a fractional part)",
    );
  });
});

describe('firstBalancedObject', () => {
  it('finds the leftmost balanced braces', () => {
    expect(firstBalancedObject('a { b {c} d } e {f}')).toBe('{ b {c} d }');
    expect(firstBalancedObject('x { unclosed {ok} y')).toBe('{ok}');
    expect(firstBalancedObject('} no {')).toBeUndefined();
  });
});
