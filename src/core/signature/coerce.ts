/**
 * Turning an LM's text (or a JSON value) into a typed field value, as DSPy's `parse_value`
 * does: `str` is kept as is; Literal values match tolerantly; anything else is read as
 * (repaired) JSON or a Python literal and then validated with pydantic's lax rules
 * ("12" and 12.0 are ints, "yes" is a bool, 12.5 is not an int).
 */
import { assertNever, formatFieldType, formatLiteralValue, tryParseFieldType } from './field-type';
import type { LiteralValue, TypeSpec } from './field-type';
import { parseLenientJson } from './lenient-json';
import { pyStrip } from './py-text';
import { pyRepr, pyStr } from './py-value';
import type { FieldType } from './types';

export type CoerceResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Coerces `value` to `type`; `field` only names the field in the failure message. */
export function coerceValue(value: unknown, type: FieldType, field?: string): CoerceResult {
  const parsed = tryParseFieldType(type);
  if (!parsed.ok) return { ok: false, message: `${field === undefined ? 'the field' : `field '${field}'`} has an invalid type: ${parsed.error.message}` };
  return coerceToSpec(value, parsed.spec, field);
}

export function coerceToSpec(value: unknown, spec: TypeSpec, field?: string): CoerceResult {
  const where = field === undefined ? '' : ` for field '${field}'`;
  if (spec.kind === 'str') return { ok: true, value: pyStr(value) };
  if (spec.kind === 'literal') return matchLiteral(value, spec.values, where);
  if (spec.kind === 'optional' && spec.of.kind === 'literal' && typeof value === 'string') {
    const text = pyStrip(value);
    return text === 'None' || text === 'null' ? { ok: true, value: null } : matchLiteral(value, spec.of.values, where, ' or None');
  }
  if (typeof value !== 'string') return validate(value, spec, where, '');
  // An optional string stays text: "None" is a word here, not a missing value.
  if (spec.kind === 'optional' && spec.of.kind === 'str') return { ok: true, value };
  const repaired = parseLenientJson(value);
  return validate(repaired.ok ? repaired.value : value, spec, where, '');
}

function validate(value: unknown, spec: TypeSpec, where: string, path: string): CoerceResult {
  const fail = (why = ''): CoerceResult => ({ ok: false, message: mismatch(spec, where, path, value) + why });
  const ok = (v: unknown): CoerceResult => ({ ok: true, value: v });
  switch (spec.kind) {
    case 'str':
      return typeof value === 'string' ? ok(value) : fail();
    case 'int': {
      if (typeof value === 'boolean') return ok(value ? 1 : 0);
      if (typeof value === 'number') return Number.isInteger(value) ? ok(value) : fail(Number.isFinite(value) ? ' (it has a fractional part)' : '');
      if (typeof value === 'string') {
        const text = value.trim();
        if (/^[+-]?\d(?:_?\d)*(?:\.0*)?$/.test(text)) return ok(Number(text.replace(/_/g, '').replace(/\.0*$/, '')));
      }
      return fail();
    }
    case 'float': {
      if (typeof value === 'boolean') return ok(value ? 1 : 0);
      if (typeof value === 'number') return ok(value);
      if (typeof value === 'string') return parseFloatText(value.trim()) ?? fail();
      return fail();
    }
    case 'bool': {
      if (typeof value === 'boolean') return ok(value);
      if (value === 0 || value === 1) return ok(value === 1);
      if (typeof value === 'string') {
        const word = value.toLowerCase();
        if (TRUE_WORDS.has(word)) return ok(true);
        if (FALSE_WORDS.has(word)) return ok(false);
      }
      return fail();
    }
    case 'any':
      return ok(value);
    case 'list': {
      if (!Array.isArray(value)) return fail();
      if (!spec.of) return ok(value);
      const items: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const r = validate(item, spec.of, where, `${path}[${i}]`);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return ok(items);
    }
    case 'dict': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail();
      if (!spec.key || !spec.value) return ok(value);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const k = validate(key, spec.key, where, `${path}[${pyRepr(key)}]`);
        if (!k.ok) return k;
        const v = validate(item, spec.value, where, `${path}[${pyRepr(key)}]`);
        if (!v.ok) return v;
        out[String(k.value)] = v.value;
      }
      return ok(out);
    }
    case 'literal':
      return spec.values.some((v) => v === value) ? ok(value) : fail();
    case 'optional':
    {
      if (value === null || value === undefined) return ok(null);
      const inner = validate(value, spec.of, where, path);
      return inner.ok ? inner : fail();
    }
    default:
      return assertNever(spec);
  }
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', 't', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', 'f', 'n']);

function parseFloatText(text: string): CoerceResult | undefined {
  if (/^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?$/.test(text)) {
    return { ok: true, value: Number(text.replace(/_/g, '')) };
  }
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (!special) return undefined;
  const magnitude = special[2]?.toLowerCase() === 'nan' ? NaN : Infinity;
  return { ok: true, value: special[1] === '-' ? -magnitude : magnitude };
}

/**
 * DSPy strips whitespace, a `Literal[...]` wrapper and one pair of quotes before matching; we
 * also forgive letter case when that leaves exactly one candidate. The declared value is
 * what comes back, never the LM's spelling of it.
 */
function matchLiteral(value: unknown, values: LiteralValue[], where: string, orNone = ''): CoerceResult {
  const exact = values.find((v) => v === value);
  if (exact !== undefined) return { ok: true, value: exact };
  const text = typeof value === 'string' ? unwrapLiteralText(value) : pyStr(value);
  const same = values.find((v) => (typeof v === 'string' ? v === text : formatLiteralValue(v) === text || String(v) === text));
  if (same !== undefined) return { ok: true, value: same };
  const folded = values.filter((v) => (typeof v === 'string' ? v : formatLiteralValue(v)).toLowerCase() === text.toLowerCase());
  if (folded.length === 1) return { ok: true, value: folded[0] };
  return { ok: false, message: `expected one of ${values.map(formatLiteralValue).join(', ')}${orNone}${where}, got ${short(value)}` };
}

function unwrapLiteralText(raw: string): string {
  let text = pyStrip(raw);
  const wrapped = /^(?:Literal|str)\[([\s\S]*)\]$/.exec(text);
  if (wrapped) text = pyStrip(wrapped[1] ?? '');
  const first = text[0];
  if (text.length > 1 && (first === '"' || first === "'") && text.endsWith(first)) text = pyStrip(text.slice(1, -1));
  return text;
}

function mismatch(spec: TypeSpec, where: string, path: string, value: unknown): string {
  const at = path === '' ? '' : ` at ${path}`;
  return `expected ${describe(spec)}${at}${where}, got ${short(value)}`;
}

function describe(spec: TypeSpec): string {
  switch (spec.kind) {
    case 'int':
      return 'an int';
    case 'str':
    case 'float':
    case 'bool':
      return `a ${spec.kind}`;
    case 'any':
      return 'a JSON value';
    case 'list':
      return spec.of ? `a list of ${formatFieldType(spec.of)}` : 'a list';
    case 'dict':
      return spec.key ? `a ${formatFieldType(spec)}` : 'a dict';
    case 'literal':
      return `one of ${spec.values.map(formatLiteralValue).join(', ')}`;
    case 'optional':
      return `${describe(spec.of)} or None`;
    default:
      return assertNever(spec);
  }
}

function short(value: unknown): string {
  const text = pyRepr(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
