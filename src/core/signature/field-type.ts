import { SignatureError } from './errors';
import { pyNumber, pyStringRepr } from './py-value';
import { parseTypeExpression } from './type-syntax';
import type { FieldType } from './types';

export type LiteralValue = string | number | boolean;

/**
 * A field type, parsed. `list` without `of` and `dict` without `key`/`value` are the bare
 * `list` and `dict` of Python; `any` is `typing.Any` (free-form JSON).
 */
export type TypeSpec =
  | { kind: 'str' }
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'any' }
  | { kind: 'list'; of?: TypeSpec }
  | { kind: 'dict'; key?: TypeSpec; value?: TypeSpec }
  | { kind: 'literal'; values: LiteralValue[] }
  | { kind: 'optional'; of: TypeSpec };

export type TypeKind = TypeSpec['kind'];

const cache = new Map<string, TypeSpec>();
const CACHE_LIMIT = 2000;

/**
 * Parses a field type as DSPy's string signatures accept it (`int`, `list[str]`,
 * `dict[str, int]`, `Literal['a', 'b']`, `Optional[int]`, `int | None`, ...).
 * Throws `SignatureError` naming the problem and its column. The result is frozen.
 */
export function parseFieldType(type: FieldType): TypeSpec {
  const hit = cache.get(type);
  if (hit) return hit;
  const spec = deepFreeze(parseTypeExpression(type));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(type, spec);
  return spec;
}

/** Cached specs are shared between callers, so none of them may change one. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Like `parseFieldType`, but returns the error instead of throwing. */
export function tryParseFieldType(type: FieldType): { ok: true; spec: TypeSpec } | { ok: false; error: SignatureError } {
  try {
    return { ok: true, spec: parseFieldType(type) };
  } catch (error) {
    if (error instanceof SignatureError) return { ok: false, error };
    throw error;
  }
}

/** The canonical Python spelling: `parseFieldType(formatFieldType(s))` equals `s`. */
export function formatFieldType(spec: TypeSpec): FieldType {
  switch (spec.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return spec.kind;
    case 'any':
      return 'Any';
    case 'list':
      return spec.of ? `list[${formatFieldType(spec.of)}]` : 'list';
    case 'dict':
      return spec.key && spec.value ? `dict[${formatFieldType(spec.key)}, ${formatFieldType(spec.value)}]` : 'dict';
    case 'literal':
      return `Literal[${spec.values.map(formatLiteralValue).join(', ')}]`;
    case 'optional':
      return `Optional[${formatFieldType(spec.of)}]`;
    default:
      return assertNever(spec);
  }
}

/** A literal value as Python source: `'a'`, `1`, `2.5`, `True`. */
export function formatLiteralValue(value: LiteralValue): string {
  if (typeof value === 'string') return pyStringRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return pyNumber(value);
}

/** The canonical spelling of a type text, e.g. `int | None` -> `Optional[int]`. */
export function normalizeFieldType(type: FieldType): FieldType {
  return formatFieldType(parseFieldType(type));
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
