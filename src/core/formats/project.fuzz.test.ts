import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzText, prototypeIsClean, tryParse, type Json } from '../test-support/fuzz';
import { loadProject, saveProject } from './project';

const sample = JSON.parse(readFileSync(new URL('../../../public/samples/add-two-numbers.json', import.meta.url), 'utf8')) as Json;

const seen = { accepted: 0, rejected: 0 };

/** What the app does with a chosen file: parse, then migrate-then-validate. */
function check(input: unknown): void {
  const result = loadProject(input);
  expect(prototypeIsClean()).toBe(true);
  seen[result.ok ? 'accepted' : 'rejected']++;
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    // A path or a sentence, never a dump of the offending value.
    expect(result.error.length).toBeLessThan(400);
    return;
  }
  // What was accepted saves and loads again unchanged (no value that only half-validates).
  const again = loadProject(JSON.parse(saveProject(result.value)));
  expect(again.ok).toBe(true);
  if (again.ok) expect(again.value.graph).toEqual(JSON.parse(JSON.stringify(result.value.graph)));
}

describe('loadProject under fuzzing', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throws on random values of any shape', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }), (value) => check(value)), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });

  it('never throws on random text and mutations of a valid project file', () => {
    seen.accepted = seen.rejected = 0;
    fc.assert(
      fc.property(fuzzText(sample), (text) => {
        const parsed = tryParse(text);
        if (parsed.ok) check(parsed.value);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // Not vacuous: many mutations still load, many are refused.
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(100);
  });
});

describe('loadProject: inputs the fuzzer found', () => {
  it('refuses a dataset cell nested 10,000 levels deep, naming where, instead of overflowing the stack later', () => {
    const file = structuredClone(sample) as { datasets: { rows: { data: Record<string, unknown> }[] }[] };
    const text = JSON.stringify(file).replace('"a":9660', `"a":${'['.repeat(10_000)}0${']'.repeat(10_000)}`);
    expect(loadProject(JSON.parse(text))).toEqual({ ok: false, error: 'datasets.0.rows.0.data.a.0.0…: nested more than 100 levels deep' });
  });

  it('quotes a huge wrong format value only in part', () => {
    const result = loadProject({ format: 'x'.repeat(100_000), version: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});
