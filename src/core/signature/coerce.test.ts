import { describe, expect, it } from 'vitest';
import { coerceValue } from './coerce';

const ok = (value: unknown) => ({ ok: true, value });

describe('coerceValue (DSPy parse_value; cases checked against DSPy and pydantic)', () => {
  it('keeps str values exactly, and prints non-strings as Python would', () => {
    expect(coerceValue('  12 \n', 'str')).toEqual(ok('  12 \n'));
    expect(coerceValue(5, 'str')).toEqual(ok('5'));
    expect(coerceValue(true, 'str')).toEqual(ok('True'));
    expect(coerceValue(['a', 1], 'str')).toEqual(ok("['a', 1]"));
  });

  it.each([
    ['12', 12],
    ['12.0', 12],
    [' 7', 7],
    ['-3', -3],
    ['1_000', 1000],
    ['"12"', 12],
    ["'12'", 12],
    ['True', 1],
    ['1e3', 1000],
  ])('int accepts %j', (text, value) => {
    expect(coerceValue(text, 'int', 'sum')).toEqual(ok(value));
  });

  it('int refuses fractions and words, saying which field and what it got', () => {
    expect(coerceValue('twelve', 'int', 'sum')).toEqual({ ok: false, message: "expected an int for field 'sum', got 'twelve'" });
    expect(coerceValue('12.5', 'int', 'sum')).toEqual({ ok: false, message: "expected an int for field 'sum', got 12.5 (it has a fractional part)" });
    expect(coerceValue('None', 'int')).toEqual({ ok: false, message: 'expected an int, got None' });
    expect(coerceValue('', 'int', 'n').ok).toBe(false);
  });

  it.each([
    ['1.5', 1.5],
    ['2', 2],
    ['1e-3', 0.001],
    ["'2.5'", 2.5],
    ['1_0.5', 10.5],
    ['True', 1],
  ])('float accepts %j', (text, value) => {
    expect(coerceValue(text, 'float')).toEqual(ok(value));
  });

  it('float accepts inf and refuses words', () => {
    expect(coerceValue('-inf', 'float')).toEqual(ok(-Infinity));
    expect(coerceValue('abc', 'float', 'p')).toEqual({ ok: false, message: "expected a float for field 'p', got 'abc'" });
  });

  it.each([
    ['true', true], ['True', true], ['false', false], ['False', false], ['yes', true], ['no', false],
    ['YES', true], ['1', true], ['0', false], ["'yes'", true], ['"no"', false], ['on', true],
  ])('bool accepts %j', (text, value) => {
    expect(coerceValue(text, 'bool')).toEqual(ok(value));
  });

  it.each(['2', 'maybe', 'None'])('bool refuses %j', (text) => {
    expect(coerceValue(text, 'bool', 'flag')).toEqual({ ok: false, message: `expected a bool for field 'flag', got ${text === '2' ? '2' : text === 'None' ? 'None' : `'${text}'`}` });
  });

  it('Optional reads None/null as null and keeps Optional[str] text as is', () => {
    expect(coerceValue('None', 'Optional[int]')).toEqual(ok(null));
    expect(coerceValue('null', 'int | None')).toEqual(ok(null));
    expect(coerceValue('5', 'Optional[int]')).toEqual(ok(5));
    expect(coerceValue('x', 'Optional[int]', 'n')).toEqual({ ok: false, message: "expected an int or None for field 'n', got 'x'" });
    expect(coerceValue('None', 'Optional[str]')).toEqual(ok('None'));
  });

  it('reads lists and dicts from JSON or Python literals', () => {
    expect(coerceValue('["a", "b"]', 'list[str]')).toEqual(ok(['a', 'b']));
    expect(coerceValue("['a', 'b']", 'list[str]')).toEqual(ok(['a', 'b']));
    expect(coerceValue("('a', 'b')", 'list[str]')).toEqual(ok(['a', 'b']));
    expect(coerceValue("['1', '2']", 'list[int]')).toEqual(ok([1, 2]));
    expect(coerceValue("{'a': None, 'b': True,}", 'dict')).toEqual(ok({ a: null, b: true }));
    expect(coerceValue('{"a": "1"}', 'dict[str, int]')).toEqual(ok({ a: 1 }));
    expect(coerceValue('Here you go:\n```json\n{"k": [1, 2]}\n```', 'Any')).toEqual(ok({ k: [1, 2] }));
  });

  it('names the failing element inside a container', () => {
    expect(coerceValue('[1, 2]', 'list[str]', 'tags')).toEqual({ ok: false, message: "expected a str at [0] for field 'tags', got 1" });
    expect(coerceValue('{"a": 1.5}', 'dict[str, int]', 'counts')).toEqual({
      ok: false,
      message: "expected an int at ['a'] for field 'counts', got 1.5 (it has a fractional part)",
    });
    expect(coerceValue('a, b', 'list[str]', 'tags')).toEqual({ ok: false, message: "expected a list of str for field 'tags', got 'a, b'" });
    expect(coerceValue('[1]', 'dict', 'd')).toEqual({ ok: false, message: "expected a dict for field 'd', got [1]" });
  });

  it('matches Literal values tolerantly and returns the declared spelling', () => {
    const type = "Literal['Positive', 'negative']";
    for (const text of ['Positive', ' negative ', "'Positive'", '"negative"', "Literal['Positive']", 'str[negative]', 'positive', 'NEGATIVE']) {
      const result = coerceValue(text, type);
      expect(result.ok, text).toBe(true);
      expect(['Positive', 'negative']).toContain(result.ok && result.value);
    }
    expect(coerceValue('positive', type)).toEqual(ok('Positive'));
    expect(coerceValue('neutral', type, 'sentiment')).toEqual({ ok: false, message: "expected one of 'Positive', 'negative' for field 'sentiment', got 'neutral'" });
  });

  it('matches non-string Literal values by their Python spelling', () => {
    expect(coerceValue('1', 'Literal[1, 2]')).toEqual(ok(1));
    expect(coerceValue(2, 'Literal[1, 2]')).toEqual(ok(2));
    expect(coerceValue('true', 'Literal[True]')).toEqual(ok(true));
    expect(coerceValue('3', 'Literal[1, 2]').ok).toBe(false);
  });

  it('refuses a case-insensitive Literal match that is ambiguous', () => {
    expect(coerceValue('yes', "Literal['Yes', 'YES']").ok).toBe(false);
  });

  it('reads Optional[Literal] with None', () => {
    expect(coerceValue('None', "Optional[Literal['a', 'b']]")).toEqual(ok(null));
    expect(coerceValue("'b'", "Optional[Literal['a', 'b']]")).toEqual(ok('b'));
  });

  it('validates JSON values given directly (the JSON adapter path)', () => {
    expect(coerceValue(12, 'int')).toEqual(ok(12));
    expect(coerceValue(12.5, 'int').ok).toBe(false);
    expect(coerceValue(['x'], 'list[str]')).toEqual(ok(['x']));
    expect(coerceValue(null, 'Optional[list[str]]')).toEqual(ok(null));
    expect(coerceValue({ a: [1] }, 'Any')).toEqual(ok({ a: [1] }));
  });

  it('reports an unusable type instead of guessing', () => {
    expect(coerceValue('1', 'intt', 'n')).toEqual({ ok: false, message: "field 'n' has an invalid type: unknown type 'intt' (column 1)" });
  });
});
