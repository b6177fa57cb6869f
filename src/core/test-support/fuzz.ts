// Shared generators for the importers' fuzz tests (`*.fuzz.test.ts`): random inputs, and
// mutations of a valid file, the inputs most likely to reach deep into an importer.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One seed for every fuzz file, so a failure prints a reproducible `{ seed, path }`. */
export const FUZZ_SEED = 20_261_124;
export const FUZZ_RUNS = 1000;
/**
 * A fuzz test is CPU-bound: a few seconds on an idle machine, many times that on a CI box shared
 * with other jobs. The limit is for a hang, not for speed.
 */
export const FUZZ_TIMEOUT_MS = 180_000;

// Placeholders swapped into the JSON text after stringifying: things JSON.stringify cannot write
// (Infinity, 10,000 levels of nesting, a key written twice).
const HUGE = '\u0000HUGE\u0000';
const DEEP = '\u0000DEEP\u0000';
const DUP = '\u0000DUP\u0000';
const DEPTH = 10_000;

const VALUE_OPS = ['drop', 'duplicate', 'retype', 'proto', 'huge', 'deep', 'dupkey', 'long', 'nul'] as const;
const TEXT_OPS = ['none', 'none', 'truncate', 'nul', 'bom', 'insert', 'delete'] as const;
type ValueOp = (typeof VALUE_OPS)[number];

export interface Mutation {
  ops: { op: ValueOp; at: number; value: Json; key: string }[];
  text: { op: (typeof TEXT_OPS)[number]; at: number; char: string };
}

type Path = (string | number)[];

/** Every container and leaf of `value`, depth first (the root is `[]`). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function valueAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const step of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, Json>)[step];
  return node;
}

/** Defines an own property, even `__proto__`, as JSON.parse would. */
function define(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyOp(root: Json, { op, at, value, key }: Mutation['ops'][number]): Json {
  const paths = pathsOf(root);
  const path = paths[at % paths.length] as Path;
  const replacement: Json = {
    drop: undefined,
    duplicate: undefined,
    retype: value,
    proto: undefined,
    huge: HUGE,
    deep: DEEP,
    dupkey: undefined,
    long: 'x'.repeat(100_000),
    nul: `\u0000${key}\u0000`,
  }[op] as Json;
  if (op === 'proto' || op === 'dupkey') {
    // The nearest object at or above the chosen path gets the extra key.
    let node: Json | undefined;
    for (let depth = path.length; depth >= 0 && !isObject(node); depth--) node = valueAt(root, path.slice(0, depth));
    if (!isObject(node)) return root;
    const keys = Object.keys(node);
    if (op === 'proto') define(node, ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'][at % 5] as string, value);
    else if (keys.length) define(node, DUP, keys[at % keys.length] as string);
    return root;
  }
  if (path.length === 0) return op === 'drop' || op === 'duplicate' ? root : replacement;
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (op === 'drop') parent.splice(i, 1);
    else if (op === 'duplicate') parent.splice(i, 0, structuredClone(parent[i] as Json));
    else parent[i] = replacement;
  } else if (isObject(parent)) {
    if (op === 'drop') delete parent[last];
    else if (op === 'duplicate') define(parent, `${String(last)}_copy`, structuredClone(parent[last] as Json));
    else define(parent, String(last), replacement);
  }
  return root;
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON text of `valid` after `mutation`: often still JSON, sometimes broken on purpose. */
export function mutateJson(valid: Json, mutation: Mutation): string {
  let root = structuredClone(valid);
  for (const op of mutation.ops) root = applyOp(root, op);
  let text = JSON.stringify(root, null, mutation.text.at % 2 ? 2 : undefined) ?? 'null';
  text = text.replaceAll(JSON.stringify(HUGE), mutation.text.at % 3 ? '1e999' : '-123456789012345678901234567890');
  text = text.replaceAll(JSON.stringify(DEEP), `${'['.repeat(DEPTH)}0${']'.repeat(DEPTH)}`);
  // `"<DUP>":"name"` becomes `"name":"name-dup"`: the object now holds that key twice.
  text = text.replace(new RegExp(`${escape(JSON.stringify(DUP))}:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g'), (_m, name: string) => `${name}:"dup"`);
  return mutateText(text, mutation.text);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function mutateText(text: string, { op, at, char }: Mutation['text']): string {
  const i = text.length ? at % text.length : 0;
  switch (op) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, i);
    case 'nul':
      return `${text.slice(0, i)}\u0000${text.slice(i)}`;
    case 'bom':
      return `\uFEFF${text}`;
    case 'insert':
      return `${text.slice(0, i)}${char}${text.slice(i)}`;
    case 'delete':
      return text.slice(0, i) + text.slice(i + 1);
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** A few JSON values of every shape, for the "retype" mutation and for random inputs. */
export const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const anyChar = fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\n', '\r', '\u0000', '\uFEFF', '\uD800', 'é', '0', '-', 'e', ' ', ';', '\t');

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  ops: fc.array(fc.record({ op: fc.constantFrom(...VALUE_OPS), at: fc.nat(), value: anyJson, key: fc.string({ maxLength: 8 }) }), { minLength: 1, maxLength: 3 }),
  text: fc.record({ op: fc.constantFrom(...TEXT_OPS), at: fc.nat(), char: anyChar }),
});

/** Text an importer may be handed: random strings, random JSON, or a mutation of `valid`. */
export function fuzzText(valid: Json): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutation.map((m) => mutateJson(valid, m)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
  );
}

/** Parsed JSON, or undefined when the text is not JSON (what an importer's caller does first). */
export function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** True while nothing has written to Object.prototype (a `__proto__` key gone wrong would). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  for (const key in probe) return false;
  return Object.getPrototypeOf(probe) === Object.prototype && Object.keys(Object.prototype).length === 0;
}
