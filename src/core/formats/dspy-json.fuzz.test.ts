import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFromSignature } from '../program/build';
import { namedPredictors, programState } from '../program/state';
import type { ProgramGraph } from '../program/types';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzText, prototypeIsClean, type Json } from '../test-support/fuzz';
import { exportDspyJson, importDspyJson } from './dspy-json';

const sig = {
  instructions: 'Answer the question.',
  inputs: [{ name: 'question', type: 'str' }, { name: 'context', type: 'list[str]' }],
  outputs: [{ name: 'answer', type: 'str', desc: 'short' }],
};
const cot = graphFromSignature(sig, { type: 'ChainOfThought', name: 'prog' });
const predict = graphFromSignature(sig, { name: 'qa' });

function validFile(graph: ProgramGraph): Json {
  const state = programState(graph);
  for (const s of Object.values(state)) s.demos = [{ question: 'Capital of France?', context: ['Paris is the capital.'], answer: 'Paris' }, { augmented: true, question: '2+2?', context: [], answer: '4' }];
  return JSON.parse(exportDspyJson(graph, state)) as Json;
}

const seen = { accepted: 0, rejected: 0 };

function check(graph: ProgramGraph, text: string): void {
  const result = importDspyJson(graph, text);
  expect(prototypeIsClean()).toBe(true);
  seen[result.ok ? 'accepted' : 'rejected']++;
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(0);
    return;
  }
  // All predictors or none, each with a list of plain-object demos.
  expect(Object.keys(result.state).sort()).toEqual(namedPredictors(graph).map((p) => p.name).sort());
  for (const state of Object.values(result.state)) {
    expect(Array.isArray(state.demos)).toBe(true);
    for (const demo of state.demos) expect(typeof demo === 'object' && demo !== null && !Array.isArray(demo)).toBe(true);
    expect(typeof state.signature.instructions).toBe('string');
  }
  // What was read exports again without throwing.
  expect(() => exportDspyJson(graph, result.state)).not.toThrow();
}

describe('importDspyJson under fuzzing', { timeout: FUZZ_TIMEOUT_MS }, () => {
  for (const [label, graph] of [['ChainOfThought', cot], ['Predict', predict]] as const) {
    it(`never throws on random text and mutations of a valid ${label} file`, () => {
      seen.accepted = seen.rejected = 0;
      fc.assert(fc.property(fuzzText(validFile(graph)), (text) => check(graph, text)), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
      expect(seen.accepted).toBeGreaterThan(100);
      expect(seen.rejected).toBeGreaterThan(100);
    });
  }
});

describe('importDspyJson: inputs the fuzzer found', () => {
  it('does not mistake an inherited property for a predictor entry', () => {
    const graph = graphFromSignature(sig, { name: 'constructor' });
    expect(importDspyJson(graph, '{}')).toEqual({ ok: false, error: "the file has no entry for predictor 'constructor' (it has: none)" });
    expect(importDspyJson(graph, JSON.stringify(validFile(graph)))).toMatchObject({ ok: true });
  });

  it('refuses demos nested 10,000 levels deep, naming the predictor', () => {
    const text = JSON.stringify(validFile(predict)).replace('"Paris"}', `${'['.repeat(10_000)}0${']'.repeat(10_000)}}`);
    const result = importDspyJson(predict, text);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^'qa'\.demos\.0\.answer\.0\.0.*nested more than 100 levels deep$/) });
  });
});
