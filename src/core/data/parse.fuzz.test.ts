import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, mutateJson, mutateText, mutation, prototypeIsClean, type Json } from '../test-support/fuzz';
import { toCSV } from './export';
import { parseDataset, type ImportResult } from './parse';

const jsonl = readFileSync(new URL('../../../public/samples/tickets-train.jsonl', import.meta.url), 'utf8');
const records = jsonl.trim().split('\n').slice(0, 12).map((line) => JSON.parse(line) as Json);
const csv = `question,n,x,flag,tags,meta\n"Hello, ""world""\nagain",12,1.5,true,"[""a""]","{""k"":1}"\nplain,-3,2,FALSE,[],{}\n`;

const seen = { accepted: 0, rejected: 0 };

/** Every outcome is a dataset or an error that names the file (and a line inside it). */
function checkParse(name: string, bytes: string | Uint8Array): ImportResult {
  const result = parseDataset({ name, bytes }, { renameColumns: 'auto' });
  expect(prototypeIsClean()).toBe(true);
  seen[result.ok ? 'accepted' : 'rejected']++;
  if (!result.ok) {
    expect(result.error.file).toBe(name);
    // The catch-all in parseDataset is for bugs; the fuzzer must never reach it.
    expect(result.error.message).not.toMatch(/^could not read the file/);
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    if (result.error.line !== undefined) {
      expect(Number.isInteger(result.error.line) && result.error.line >= 1).toBe(true);
      expect(result.error.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length + 1);
    }
    return result;
  }
  const { fields, rows, inputKeys } = result.dataset;
  const names = fields.map((f) => f.name);
  expect(new Set(names).size).toBe(names.length);
  for (const key of inputKeys) expect(names).toContain(key);
  for (const row of rows) {
    // Every column is an own key of every row: a column named `__proto__` must not become a prototype.
    expect(Object.keys(row.data).sort()).toEqual([...names].sort());
    expect(Object.getPrototypeOf(row.data)).toBe(Object.prototype);
  }
  return result;
}

const csvChars = fc.constantFrom(',', '"', '\n', '\r', ';', '\t', 'a', 'b', ' ', '1', '-', '.', 'e', '[', ']', '{', '}', 'true', 'null', '\u0000', '\uFEFF', '__proto__', 'constructor');
const randomCsv = fc.array(fc.array(fc.array(csvChars, { maxLength: 6 }).map((c) => c.join('')), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
const textOps = fc.array(mutation.map((m) => m.text), { minLength: 1, maxLength: 4 });

/** JSONL from a mutated array: one line per element, or the broken text as is. */
function asJsonl(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map((v) => JSON.stringify(v) ?? '').join('\n') : text;
  } catch {
    return text;
  }
}

const opts = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED };

describe('parseDataset under fuzzing', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('CSV: random grids and mutations of a valid file', () => {
    seen.accepted = seen.rejected = 0;
    const mutated = textOps.map((ops) => ops.reduce(mutateText, csv));
    const roundTrip = fc.array(fc.dictionary(fc.constantFrom('q', 'a', 'n', '__proto__', 'constructor', 'x y', ''), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.oneof(randomCsv, mutated, roundTrip.map((rows) => toCSV({ id: 'd', name: 'd', inputKeys: [], fields: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: 'str' })), rows: rows.map((data, i) => ({ id: `r${i}`, data })) }))), (text) => {
        checkParse('data.csv', text);
      }),
      opts,
    );
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(100);
  });

  it('JSON: random values and mutations of a valid file', () => {
    seen.accepted = seen.rejected = 0;
    fc.assert(fc.property(fc.oneof(mutation.map((m) => mutateJson(records, m)), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => void checkParse('data.json', text)), opts);
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(100);
  });

  it('JSONL: mutations of a valid file, line by line', () => {
    seen.accepted = seen.rejected = 0;
    fc.assert(fc.property(mutation.map((m) => asJsonl(mutateJson(records, m))), (text) => void checkParse('data.jsonl', text)), opts);
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(50);
  });

  it('random bytes under every extension (invalid UTF-8 included)', () => {
    const name = fc.constantFrom('data.csv', 'data.json', 'data.jsonl', 'data.txt');
    fc.assert(fc.property(name, fc.uint8Array({ maxLength: 300 }), (file, bytes) => void checkParse(file, bytes)), opts);
  });
});

describe('parseDataset: inputs the fuzzer found', () => {
  it('keeps a column named __proto__ as a column, in JSON and in CSV', () => {
    for (const [name, text] of [['p.json', '[{"__proto__": {"x": 1}, "label": "a"}]'], ['p.csv', '__proto__,label\n"{""x"": 1}",a\n']] as const) {
      const result = checkParse(name, text);
      if (!result.ok) throw new Error(`expected ${name} to load`);
      const [row] = result.dataset.rows;
      expect(Object.keys(row?.data ?? {})).toContain('__proto__');
      expect(Object.getPrototypeOf(row?.data)).toBe(Object.prototype);
    }
  });

  it('refuses a cell nested 10,000 levels deep, naming the line, row and column', () => {
    const deep = `${'['.repeat(10_000)}0${']'.repeat(10_000)}`;
    const jsonlResult = parseDataset({ name: 'd.jsonl', bytes: `{"q": "a", "label": 1}\n{"q": ${deep}, "label": 2}\n` });
    expect(jsonlResult).toEqual({ ok: false, error: { file: 'd.jsonl', line: 2, row: 2, column: 'q', message: 'row 2, column "q": the value is nested more than 100 levels deep' } });
    const jsonResult = parseDataset({ name: 'd.json', bytes: `[{"q": "a"}, {"q": ${deep}}]` });
    expect(jsonResult).toEqual({ ok: false, error: { file: 'd.json', row: 2, column: 'q', message: 'row 2, column "q": the value is nested more than 100 levels deep' } });
  });
});
