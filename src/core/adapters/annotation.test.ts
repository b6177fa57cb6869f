/**
 * Type names and output notes exactly as DSPy prints them (expectations obtained by running
 * DSPy's get_annotation_name and translate_field_type with pydantic 2).
 */
import { describe, expect, it } from 'vitest';
import { annotationName, fieldPlaceholder } from './annotation';
import { parseFieldType } from '../signature/field-type';

describe('DSPy type names and output notes', () => {
  it.each([
    ['str', 'str', '{f}'],
    ['int', 'int', '{f}        # note: the value you produce must be a single int value'],
    ['float', 'float', '{f}        # note: the value you produce must be a single float value'],
    ['bool', 'bool', '{f}        # note: the value you produce must be True or False'],
    ['Any', 'Any', '{f}        # note: the value you produce must adhere to the JSON schema: {}'],
    ['list', 'list', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {}}'],
    ['dict', 'dict', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": true}'],
    ['list[str]', 'list[str]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"type": "string"}}'],
    ['dict[str, int]', 'dict[str, int]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": {"type": "integer"}}'],
    ['dict[str, Any]', 'dict[str, Any]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": true}'],
    ['Optional[int]', 'Union[int, NoneType]', '{f}        # note: the value you produce must adhere to the JSON schema: {"anyOf": [{"type": "integer"}, {"type": "null"}]}'],
    ['Optional[Literal[\'a\', \'b\']]', 'Union[Literal[\'a\', \'b\'], NoneType]', '{f}        # note: the value you produce must adhere to the JSON schema: {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}]}'],
    ['Literal[\'x\', "it\'s", \'say "hi"\', \'both \\\' and "\', 1, 2.5, True]', 'Literal[\'x\', "it\'s", \'say "hi"\', \'both \\\' and "\', 1, 2.5, True]', '{f}        # note: the value you produce must exactly match (no extra characters) one of: x; it\'s; say "hi"; both \' and "; 1; 2.5; True'],
    ['list[Literal[\'a\']]', 'list[Literal[\'a\']]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"type": "string", "const": "a"}}'],
    ['list[Literal[1, 2.5]]', 'list[Literal[1, 2.5]]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"enum": [1, 2.5]}}'],
    ['list[Optional[int]]', 'list[Union[int, NoneType]]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}'],
    ['dict[int, list[bool]]', 'dict[int, list[bool]]', '{f}        # note: the value you produce must adhere to the JSON schema: {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "boolean"}}}'],
    ['Optional[Any]', 'Union[Any, NoneType]', '{f}        # note: the value you produce must adhere to the JSON schema: {"anyOf": [{}, {"type": "null"}]}'],
  ])('%s', (type, name, placeholder) => {
    const spec = parseFieldType(type);
    expect(annotationName(spec)).toBe(name);
    expect(fieldPlaceholder('f', spec, 'output')).toBe(placeholder);
    expect(fieldPlaceholder('f', spec, 'input')).toBe('{f}');
  });
});
