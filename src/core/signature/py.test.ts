import { describe, expect, it } from 'vitest';
import { cleandoc, dedent, expandTabs, pyStrip, splitLines } from './py-text';
import { pyJsonDumps, pyNumber, pyRepr, pyStr } from './py-value';

describe('Python text primitives', () => {
  it('strip uses Python whitespace (\\x1c-\\x1f and \\x85 yes, BOM no)', () => {
    expect(pyStrip('\x1c\x85 a \u00a0\n')).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });

  it('splitlines breaks on \\r\\n, \\r, \\u2028 and drops a final empty piece', () => {
    expect(splitLines('a\r\nb\rc\u2028d\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n')).toEqual(['']);
  });

  it('expandTabs counts columns per line', () => {
    expect(expandTabs('ab\tc\n\td')).toBe('ab      c\n        d');
  });

  it.each([
    ['  a\n    b\n      c\n', 'a\nb\n  c'],
    ['\n\n   x\n\ty\n', 'x\n     y'],
    ['\t\tfoo\n\tbar', 'foo\nbar'],
    ['a\n\n\n', 'a'],
    ['   ', ''],
  ])('cleandoc(%j) as inspect.cleandoc', (doc, cleaned) => {
    expect(cleandoc(doc)).toBe(cleaned);
  });

  it('dedent empties whitespace-only lines and removes the common margin', () => {
    expect(dedent('    a\n  \n      b')).toBe('a\n\n  b');
    expect(dedent('a\n   \n  b')).toBe('a\n\n  b');
  });
});

describe('Python value printing', () => {
  it.each([
    [3, '3'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [-2.5e-12, '-2.5e-12'],
    [0.0001, '0.0001'],
    [123456789.123, '123456789.123'],
    [1 / 3, '0.3333333333333333'],
    [2.5e-300, '2.5e-300'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
  ])('pyNumber(%s) = %s', (n, text) => {
    expect(pyNumber(n)).toBe(text);
  });

  it('str and repr follow Python', () => {
    expect(pyStr('x')).toBe('x');
    expect(pyStr(null)).toBe('None');
    expect(pyRepr(['a', "it's", true, null, { k: 1.5 }])).toBe(`['a', "it's", True, None, {'k': 1.5}]`);
    expect(pyRepr('both \' and "')).toBe(`'both \\' and "'`);
  });

  it('json.dumps spacing, escapes and indentation', () => {
    expect(pyJsonDumps({ a: [1, 'é\n"'], b: {}, c: [] })).toBe('{"a": [1, "é\\n\\""], "b": {}, "c": []}');
    expect(pyJsonDumps({ a: [1, { b: null }], c: '\u0001' }, 2)).toBe('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": "\\u0001"\n}');
  });
});
