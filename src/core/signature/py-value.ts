/**
 * How Python prints JSON-like values: `str()`, `repr()` and `json.dumps(..., ensure_ascii=False)`.
 * DSPy puts these strings into prompts, so they must match it character for character.
 *
 * JavaScript has one number type; a number with no fractional part prints as a Python int
 * (`3`, not `3.0`), which is what a JSON dataset or an LM reply usually meant.
 */

/** Python's `repr(float)` / `str(int)` for a JavaScript number. */
export function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Number.isInteger(value)) return BigInt(value).toString();
  // Both languages print the shortest round-tripping digits; only the exponent style differs.
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent >= -4 && exponent < 16) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** `str(value)`: strings as they are, containers as their repr. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `repr(value)` for JSON-like values. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  switch (typeof value) {
    case 'string':
      return pyStringRepr(value);
    case 'number':
      return pyNumber(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'object':
      if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`)
        .join(', ')}}`;
    default:
      return String(value);
  }
}

/** Python's quoting rule: single quotes unless the text has a single quote and no double quote. */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * `json.dumps(value, ensure_ascii=False)` (compact: `", "` and `": "` separators) or, with an
 * indent, `json.dumps(value, indent=n, ensure_ascii=False)`.
 */
export function pyJsonDumps(value: unknown, indent?: number): string {
  return dump(value, indent, 0);
}

function dump(value: unknown, indent: number | undefined, depth: number): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
      return pyNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object': {
      const entries = Array.isArray(value)
        ? value.map((v) => dump(v, indent, depth + 1))
        : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${jsonString(k)}: ${dump(v, indent, depth + 1)}`);
      const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) return open + close;
      if (indent === undefined) return open + entries.join(', ') + close;
      const inner = '\n' + ' '.repeat(indent * (depth + 1));
      return open + inner + entries.join(',' + inner) + '\n' + ' '.repeat(indent * depth) + close;
    }
    default:
      return jsonString(String(value));
  }
}

/** JSON string escaping as Python's encoder does it (control characters as lowercase \u00xx). */
function jsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}
