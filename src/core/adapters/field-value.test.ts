import { describe, expect, it } from 'vitest';
import { formatFieldValue } from './field-value';
import { parseFieldType } from '../signature/field-type';

const str = parseFieldType('str');

describe('formatFieldValue', () => {
  it('numbers a list given to a str field, quoting each item', () => {
    expect(formatFieldValue(['a', 'b'], str)).toBe('[1] «a»\n[2] «b»');
    expect(formatFieldValue(['only'], str)).toBe('«only»');
    expect(formatFieldValue([], str)).toBe('N/A');
  });

  it('fences items with line breaks or guillemets', () => {
    expect(formatFieldValue(['x', 'two\nlines', 'has «q»'], str)).toBe('[1] «x»\n[2] «««\n    two\n    lines\n»»»\n[3] «««\n    has «q»\n»»»');
  });

  it('writes lists for list fields and dicts anywhere as JSON', () => {
    expect(formatFieldValue(['a', 1], parseFieldType('list[str]'))).toBe('["a", 1]');
    expect(formatFieldValue({ k: 'é', n: null }, str)).toBe('{"k": "é", "n": null}');
  });

  it("writes scalars as Python's str()", () => {
    expect(formatFieldValue(true, str)).toBe('True');
    expect(formatFieldValue(null, str)).toBe('None');
    expect(formatFieldValue(2.5, parseFieldType('int'))).toBe('2.5');
    expect(formatFieldValue('text', parseFieldType('int'))).toBe('text');
  });
});
