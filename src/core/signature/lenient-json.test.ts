import { describe, expect, it } from 'vitest';
import { parseLenientJson } from './lenient-json';

const value = (text: string) => {
  const result = parseLenientJson(text);
  if (!result.ok) throw new Error(`could not read ${JSON.stringify(text)}`);
  return result.value;
};

describe('parseLenientJson', () => {
  it('reads plain JSON scalars and containers', () => {
    expect(value('12')).toBe(12);
    expect(value('"x"')).toBe('x');
    expect(value('{"a": [1, 2.5, true, null]}')).toEqual({ a: [1, 2.5, true, null] });
  });

  it('repairs Python-style literals', () => {
    expect(value("{'a': 'it\\'s', 'b': None, 'c': True, 'd': False}")).toEqual({ a: "it's", b: null, c: true, d: false });
    expect(value("('x', 1)")).toEqual(['x', 1]);
    expect(value('None')).toBeNull();
    expect(value("'single'")).toBe('single');
    expect(value('1_000')).toBe(1000);
    expect(value('NaN')).toBeNaN();
    expect(value('-Infinity')).toBe(-Infinity);
  });

  it('keeps apostrophes inside single-quoted strings', () => {
    expect(value("{'answer': 'It's fine', 'n': 1}")).toEqual({ answer: "It's fine", n: 1 });
  });

  it('drops trailing commas', () => {
    expect(value('[1, 2, ]')).toEqual([1, 2]);
    expect(value('{"a": 1,}')).toEqual({ a: 1 });
  });

  it('reads unquoted keys and bare words inside containers', () => {
    expect(value('{answer: Paris, score: 3}')).toEqual({ answer: 'Paris', score: 3 });
    expect(value('[red, green blue]')).toEqual(['red', 'green blue']);
  });

  it('closes brackets left open by a truncated reply', () => {
    expect(value('{"a": [1, 2')).toEqual({ a: [1, 2] });
    expect(value('{"a": "cut off')).toEqual({ a: 'cut off' });
  });

  it('finds the object or array inside prose and code fences', () => {
    expect(value('Sure! Here it is:\n```json\n{"a": 1}\n```\nAnything else?')).toEqual({ a: 1 });
    expect(value('The list is [1, 2] as requested.')).toEqual([1, 2]);
  });

  it('decodes escapes', () => {
    expect(value('"a\\nb\\u00e9\\t\\"q\\""')).toBe('a\nbé\t"q"');
    expect(value("'\\x41'")).toBe('A');
  });

  it.each(['', '   ', 'twelve', '12 apples', 'True story', '{"a" 1}', '[1 2]', 'constructor'])('gives up on %j', (text) => {
    expect(parseLenientJson(text)).toEqual({ ok: false });
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(parseLenientJson('['.repeat(5000)).ok).toBe(false);
  });
});
