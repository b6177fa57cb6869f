/**
 * JSON with object keys sorted at every depth and `undefined` members dropped, so two requests
 * that mean the same thing serialize to the same bytes whatever order their keys were built in.
 *
 * Written straight to text (no sorted copy of the value is built): cache keys are computed for
 * every LM call, and the copies were a good part of a warm replay's garbage. The bytes are those
 * of `JSON.stringify` over a key-sorted copy, as before, so existing cache keys stay valid:
 * integer-like keys come first in numeric order (as a JavaScript object orders them), then the
 * others sorted.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/**
 * The text of frozen objects whose members are all primitives: nothing can change them, and the
 * adapters hand out the same frozen system message and demo turns for every call of a predictor.
 */
const frozenText = new WeakMap<object, string>();

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 4294967295;

function orderedKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  if (!keys.some(isIndexKey)) return keys;
  const indexes = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isIndexKey(k))];
}

/** The JSON text of a value, or undefined where JSON.stringify would leave it out. */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return JSON.stringify(value); // throws, as before
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
      const frozen = Object.isFrozen(value);
      if (frozen) {
        const known = frozenText.get(value);
        if (known !== undefined) return known;
      }
      let out = '';
      let flat = true;
      for (const key of orderedKeys(value)) {
        // Assigning "__proto__" on the sorted copy set its prototype instead: the key never showed.
        if (key === '__proto__') continue;
        const raw = (value as Record<string, unknown>)[key];
        if (raw !== null && typeof raw === 'object') flat = false;
        const member = write(raw);
        if (member !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${member}`;
      }
      const text = `{${out}}`;
      if (frozen && flat) frozenText.set(value, text);
      return text;
    }
    default:
      return undefined;
  }
}
