import { describe, expect, it } from 'vitest';
import { inferJsonColumn, inferTextColumn } from './infer';

const typed = (cells: unknown[]) => {
  const column = inferTextColumn(cells);
  return { type: column.type, values: cells.map(column.coerce) };
};

describe('inferTextColumn', () => {
  it('reads integer columns as int, ignoring surrounding spaces and blanks', () => {
    expect(typed(['12', ' 7 ', '', '-3', '+4'])).toEqual({ type: 'int', values: [12, 7, null, -3, 4] });
  });

  it('widens int to float when any cell has a fraction or exponent', () => {
    expect(typed(['1', '2.5', '1e3', '.5'])).toEqual({ type: 'float', values: [1, 2.5, 1000, 0.5] });
  });

  it('keeps leading-zero codes and unsafe integers as text', () => {
    expect(typed(['007', '12']).type).toBe('str');
    expect(typed(['12345678901234567890']).type).toBe('str');
  });

  it('reads true/false in any case as bool, but not yes/no or 0/1', () => {
    expect(typed(['True', 'false', 'TRUE'])).toEqual({ type: 'bool', values: [true, false, true] });
    expect(typed(['yes', 'no']).type).toBe('str');
    expect(typed(['0', '1']).type).toBe('int');
  });

  it('reads JSON arrays of strings as list[str] and JSON objects as dict', () => {
    expect(typed(['["a","b"]', '[]'])).toEqual({ type: 'list[str]', values: [['a', 'b'], []] });
    expect(typed(['{"a": 1}'])).toEqual({ type: 'dict', values: [{ a: 1 }] });
    expect(typed(['[1, 2]']).type).toBe('str');
    expect(typed(['[not json']).type).toBe('str');
  });

  it('falls back to str for mixed columns, keeping every cell as written', () => {
    expect(typed(['12', 'twelve', ''])).toEqual({ type: 'str', values: ['12', 'twelve', ''] });
    expect(typed(['', ''])).toEqual({ type: 'str', values: ['', ''] });
  });
});

describe('inferJsonColumn', () => {
  it('follows the JSON types and maps absent values to null', () => {
    const column = inferJsonColumn([1, undefined, 3, null]);
    expect(column.type).toBe('int');
    expect([1, undefined, 3, null].map(column.coerce)).toEqual([1, null, 3, null]);
    expect(inferJsonColumn([1, 2.5]).type).toBe('float');
    expect(inferJsonColumn([true, false]).type).toBe('bool');
    expect(inferJsonColumn([['a'], [1]]).type).toBe('list');
    expect(inferJsonColumn([{ a: 1 }]).type).toBe('dict');
  });

  it('does not parse numeric-looking strings: JSON says they are strings', () => {
    expect(inferJsonColumn(['12', '13']).type).toBe('str');
  });

  it('writes mixed kinds as text and names the kinds', () => {
    const column = inferJsonColumn([1, 'x', true, [1]]);
    expect(column.mixed).toEqual(['bool', 'int', 'list', 'str']);
    expect([1, 'x', true, [1]].map(column.coerce)).toEqual(['1', 'x', 'true', '[1]']);
  });
});
