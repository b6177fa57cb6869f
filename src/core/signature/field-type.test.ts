import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors';
import { formatFieldType, normalizeFieldType, parseFieldType, tryParseFieldType } from './field-type';
import type { TypeSpec } from './field-type';

describe('parseFieldType', () => {
  it.each<[string, TypeSpec]>([
    ['str', { kind: 'str' }],
    ['int', { kind: 'int' }],
    ['float', { kind: 'float' }],
    ['bool', { kind: 'bool' }],
    ['Any', { kind: 'any' }],
    ['list', { kind: 'list' }],
    ['dict', { kind: 'dict' }],
    ['list[str]', { kind: 'list', of: { kind: 'str' } }],
    ['dict[str, int]', { kind: 'dict', key: { kind: 'str' }, value: { kind: 'int' } }],
    ["Literal['x', 'y']", { kind: 'literal', values: ['x', 'y'] }],
    ['Literal[1, -2.5, True]', { kind: 'literal', values: [1, -2.5, true] }],
    ['Optional[int]', { kind: 'optional', of: { kind: 'int' } }],
    ['list[dict[str, Optional[float]]]', { kind: 'list', of: { kind: 'dict', key: { kind: 'str' }, value: { kind: 'optional', of: { kind: 'float' } } } }],
  ])('%s', (text, spec) => {
    expect(parseFieldType(text)).toEqual(spec);
    expect(formatFieldType(spec)).toBe(text);
  });

  it.each([
    ['int | None', 'Optional[int]'],
    ['None | int', 'Optional[int]'],
    ['Union[str, None]', 'Optional[str]'],
    ['Optional[Optional[int]]', 'Optional[int]'],
    ['List[str]', 'list[str]'],
    ['typing.Dict[str, typing.Any]', 'dict[str, Any]'],
    ['json', 'Any'],
    ['  list [ str ]  ', 'list[str]'],
    ["Literal['a', 'a', \"b\"]", "Literal['a', 'b']"],
    ['Literal["it\'s"]', 'Literal["it\'s"]'],
    ["Literal['a,b', 'c]d']", "Literal['a,b', 'c]d']"],
    ['list[str,]', 'list[str]'],
  ])('normalizes %s to %s', (text, canonical) => {
    expect(normalizeFieldType(text)).toBe(canonical);
  });

  it('reads Python string escapes inside Literal', () => {
    expect(parseFieldType("Literal['a\\'b', 'tab\\there', '\\x41\\u00e9']")).toEqual({ kind: 'literal', values: ["a'b", 'tab\there', 'Aé'] });
  });

  it.each([
    ['intt', "unknown type 'intt'", 1],
    ['list[intt]', "unknown type 'intt'", 6],
    ['None', "'None' alone is not a field type", 1],
    ['Optional', "'Optional' needs a type argument", 1],
    ['list[str, int]', "'list[...]' takes one type argument, got 2", 5],
    ['Literal[x]', 'Literal values must be quoted strings, numbers, True or False', 9],
    ['str]', "unexpected ']' in type", 4],
    ['', 'missing type', 1],
    ['list[$]', "unexpected '$' in type", 6],
  ])('rejects %j', (text, reason, column) => {
    const result = tryParseFieldType(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(SignatureError);
    expect(result.error.reason).toBe(reason);
    expect(result.error.column).toBe(column);
  });
});
