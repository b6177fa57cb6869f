/**
 * How DSPy names a field's type inside a prompt (`get_annotation_name`), the note it adds to
 * an output placeholder (`translate_field_type`), and the pydantic JSON schema that note
 * quotes. These are Python's spellings of Python objects, so `Optional[int]` reads
 * `Union[int, NoneType]` and a JSON schema lists `type` first.
 */
import { assertNever } from '../signature/field-type';
import type { LiteralValue, TypeSpec } from '../signature/field-type';
import { pyJsonDumps, pyNumber } from '../signature/py-value';

export function annotationName(spec: TypeSpec): string {
  switch (spec.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return spec.kind;
    case 'any':
      return 'Any';
    case 'dict':
      return spec.key && spec.value ? `dict[${annotationName(spec.key)}, ${annotationName(spec.value)}]` : 'dict';
    case 'list':
      return spec.of ? `list[${annotationName(spec.of)}]` : 'list';
    case 'literal':
      return `Literal[${spec.values.map(literalArgName).join(', ')}]`;
    case 'optional':
      return `Union[${annotationName(spec.of)}, NoneType]`;
    default:
      return assertNever(spec);
  }
}

/** DSPy quotes string literal values by its own rule, without escaping anything but `'`. */
function literalArgName(value: LiteralValue): string {
  if (typeof value !== 'string') return literalStr(value);
  const single = value.includes("'");
  const double = value.includes('"');
  if (single && !double) return `"${value}"`;
  if (single && double) return `'${value.replace(/'/g, "\\'")}'`;
  return `'${value}'`;
}

/** Python's `str()` of a literal value. */
function literalStr(value: LiteralValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return pyNumber(value);
}

/** What an output placeholder must say after `{name}` (empty for `str`). */
export function outputTypeNote(spec: TypeSpec): string {
  switch (spec.kind) {
    case 'str':
      return '';
    case 'bool':
      return 'must be True or False';
    case 'int':
    case 'float':
      return `must be a single ${spec.kind} value`;
    case 'literal':
      return `must exactly match (no extra characters) one of: ${spec.values.map(literalStr).join('; ')}`;
    case 'any':
    case 'list':
    case 'dict':
    case 'optional':
      return `must adhere to the JSON schema: ${pyJsonDumps(jsonSchema(spec))}`;
    default:
      return assertNever(spec);
  }
}

/** The placeholder DSPy shows for a field in the structure section: `{sum}        # note: ...`. */
export function fieldPlaceholder(name: string, spec: TypeSpec, role: 'input' | 'output'): string {
  const note = role === 'output' ? outputTypeNote(spec) : '';
  return note === '' ? `{${name}}` : `{${name}}${' '.repeat(8)}# note: the value you produce ${note}`;
}

type Schema = Record<string, unknown>;

/** Pydantic's JSON schema for the type, keys ordered as DSPy orders them (`type` first, then A-Z). */
export function jsonSchema(spec: TypeSpec): Schema {
  switch (spec.kind) {
    case 'str':
      return { type: 'string' };
    case 'int':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'any':
      return {};
    case 'list':
      return { type: 'array', items: spec.of ? jsonSchema(spec.of) : {} };
    case 'dict':
      return { type: 'object', additionalProperties: spec.value && spec.value.kind !== 'any' ? jsonSchema(spec.value) : true };
    case 'literal': {
      const type = literalSchemaType(spec.values);
      const values = spec.values.length === 1 ? { const: spec.values[0] } : { enum: spec.values };
      return type ? { type, ...values } : values;
    }
    case 'optional':
      return { anyOf: [jsonSchema(spec.of), { type: 'null' }] };
    default:
      return assertNever(spec);
  }
}

/** Pydantic names a type only when every literal value has the same one. */
function literalSchemaType(values: LiteralValue[]): string | undefined {
  const types = new Set(
    values.map((v) => {
      if (typeof v === 'string') return 'string';
      if (typeof v === 'boolean') return 'boolean';
      return Number.isInteger(v) ? 'integer' : 'number';
    }),
  );
  return types.size === 1 ? [...types][0] : undefined;
}
