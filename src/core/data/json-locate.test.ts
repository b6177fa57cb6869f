import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-locate';

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": []}] ', '"x"', '0']) {
      expect(locateJsonError(text)).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('points at the offending character with a reason', () => {
    expect(locateJsonError('{"a": 1,}')).toEqual({ offset: 8, message: "trailing comma before '}'" });
    expect(locateJsonError("{'a': 1}")).toEqual({ offset: 1, message: 'expected a property name in double quotes, found character "\'"' });
    expect(locateJsonError('[1 2]')).toEqual({ offset: 3, message: "expected ',' or ']', found character \"2\"" });
    expect(locateJsonError('{"a" 1}')).toEqual({ offset: 5, message: "expected ':' after the property name, found character \"1\"" });
    expect(locateJsonError('["abc')).toEqual({ offset: 1, message: 'unterminated string' });
    expect(locateJsonError('["a\\x"]')).toEqual({ offset: 3, message: 'bad escape sequence \\x' });
    expect(locateJsonError('["a\nb"]')?.message).toBe('line break inside a string (escape it as \\n, \\t, ...)');
    expect(locateJsonError('[01]')?.offset).toBe(2);
    expect(locateJsonError('{} {}')).toEqual({ offset: 3, message: 'unexpected character "{" after the end of the JSON value' });
  });

  it('agrees with JSON.parse about what is invalid', () => {
    const bad = ['', '[', ']', '{"a":}', 'tru', 'nul', '[1,]', '-', '1.', '.5', '"\\u12"', 'NaN', '[1]x'];
    for (const text of bad) {
      expect(() => JSON.parse(text)).toThrow();
      expect(locateJsonError(text), text).toBeDefined();
    }
  });

  it('gives up on absurd nesting instead of overflowing the stack', () => {
    expect(locateJsonError('['.repeat(50_000))?.message).toContain('could not be located');
  });
});
