import { describe, expect, it } from 'vitest';
import type { MetricContext, MetricResult } from '../types';
import { contains } from './contains';
import { exactMatch } from './exact-match';
import { f1, tokenF1 } from './f1';
import { numeric, parseNumber } from './numeric';

const ctx = (fields: string[], config?: Record<string, unknown>): MetricContext => ({ fields, ...(config ? { config } : {}) });
const sync = (result: MetricResult | Promise<MetricResult>): MetricResult => {
  if (result instanceof Promise) throw new Error('expected a synchronous metric');
  return result;
};

describe('exact-match', () => {
  it('matches after normalization and says what came back', () => {
    expect(sync(exactMatch.score({ answer: 'The Eiffel Tower' }, { answer: 'eiffel tower!' }, ctx(['answer'])))).toEqual({
      score: 1,
      feedback: "answer: got 'eiffel tower!', which matches the expected 'The Eiffel Tower'",
    });
    expect(sync(exactMatch.score({ label: 'billing' }, { label: 'shipping' }, ctx(['label'])))).toEqual({
      score: 0,
      feedback: "expected label 'billing', got 'shipping'",
    });
  });

  it('averages over fields and joins their feedback', () => {
    const result = sync(exactMatch.score({ a: 'x', b: 2 }, { a: 'X', b: '3' }, ctx(['a', 'b'])));
    expect(result.score).toBe(0.5);
    expect(result.feedback).toBe("a: got 'X', which matches the expected 'x'\nexpected b '2', got '3'");
  });

  it('treats a list label as acceptable answers and compares two lists item by item', () => {
    expect(sync(exactMatch.score({ a: ['Paris', 'City of Light'] }, { a: 'city of light' }, ctx(['a']))).score).toBe(1);
    expect(sync(exactMatch.score({ a: ['Paris', 'Lyon'] }, { a: 'Nice' }, ctx(['a']))).feedback).toBe(
      "expected a one of 'Paris', 'Lyon', got 'Nice'",
    );
    expect(sync(exactMatch.score({ tags: ['a', 'B'] }, { tags: ['A', 'b'] }, ctx(['tags']))).score).toBe(1);
    expect(sync(exactMatch.score({ tags: ['a', 'b'] }, { tags: ['b'] }, ctx(['tags']))).score).toBe(0);
  });

  it('compares typed values through their text, and a missing answer is wrong', () => {
    expect(sync(exactMatch.score({ ok: true }, { ok: 'True' }, ctx(['ok']))).score).toBe(1);
    expect(sync(exactMatch.score({ n: 12 }, { n: '12' }, ctx(['n']))).score).toBe(1);
    expect(sync(exactMatch.score({ a: 'x' }, {}, ctx(['a'])))).toEqual({ score: 0, feedback: "expected a 'x', got nothing" });
  });

  it('throws on a missing label or no fields, which evaluate reports as an error', () => {
    expect(() => exactMatch.score({ q: 'hi' }, { a: 'x' }, ctx(['a']))).toThrow("the example has no label for field 'a' (it has: q)");
    expect(() => exactMatch.score({ a: 'x' }, { a: 'x' }, ctx([]))).toThrow('has no fields to compare');
  });
});

describe('f1', () => {
  it('computes SQuAD token F1 with repeated tokens counted once each', () => {
    expect(tokenF1('Eiffel Tower is in Paris', 'Paris').f1).toBeCloseTo(1 / 3, 10);
    expect(tokenF1('the Eiffel Tower', 'Eiffel Tower').f1).toBe(1);
    expect(tokenF1('x x x y', 'x y')).toMatchObject({ common: 2, precision: 0.5, recall: 1 });
    expect(tokenF1('', 'the').f1).toBe(0);
  });

  it('scores partial answers and explains the overlap', () => {
    const result = sync(f1.score({ answer: 'New York City' }, { answer: 'York City area' }, ctx(['answer'])));
    expect(result.score).toBeCloseTo(2 / 3, 10);
    expect(result.feedback).toBe(
      "expected answer 'New York City', got 'York City area' (token F1 0.67: 2 of 3 predicted tokens are in the answer, 2 of 3 answer tokens were found)",
    );
  });

  it('takes the best answer of a list label', () => {
    expect(sync(f1.score({ a: ['London', 'Paris France'] }, { a: 'Paris' }, ctx(['a']))).score).toBeCloseTo(2 / 3, 10);
  });
});

describe('contains', () => {
  it('finds the label as whole normalized words in the prediction', () => {
    expect(sync(contains.score({ a: 'Paris' }, { a: 'It is PARIS, in France.' }, ctx(['a'])))).toEqual({
      score: 1,
      feedback: "a: 'It is PARIS, in France.' contains the expected 'Paris'",
    });
    expect(sync(contains.score({ a: 'new york' }, { a: 'I love New York!' }, ctx(['a']))).score).toBe(1);
    expect(sync(contains.score({ a: '4' }, { a: 'about 42' }, ctx(['a'])))).toEqual({
      score: 0,
      feedback: "expected a to contain '4', got 'about 42'",
    });
    expect(sync(contains.score({ a: 'york new' }, { a: 'new york' }, ctx(['a']))).score).toBe(0);
  });

  it('looks inside a list prediction', () => {
    expect(sync(contains.score({ a: 'b' }, { a: ['x', 'The B'] }, ctx(['a']))).score).toBe(1);
  });
});

describe('numeric', () => {
  it('parses numbers written in several ways', () => {
    expect(['12', '12.0', ' 12 ', '+12', '1.2e1', 12].map(parseNumber)).toEqual([12, 12, 12, 12, 12, 12]);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(['twelve', '12 apples', '', '1,23', true, null, Number.NaN].map(parseNumber)).toEqual(Array(7).fill(undefined));
  });

  it('accepts numbers within 1e-6 absolute or relative by default', () => {
    const score = (gold: unknown, pred: unknown, config?: Record<string, unknown>) => sync(numeric.score({ n: gold }, { n: pred }, ctx(['n'], config)));
    expect(score(12, ' 12.0 ')).toEqual({ score: 1, feedback: 'n: got 12, as expected' });
    expect(score(1e9, 1e9 + 100).score).toBe(1);
    expect(score(0, 1e-7).score).toBe(1);
    expect(score(0.5, 0.501)).toEqual({ score: 0, feedback: 'expected n 0.5, got 0.501' });
    expect(score(0.5, 0.501, { tolerance: 0.01 }).score).toBe(1);
    expect(score(100, 101, { relTolerance: 0.02, absTolerance: 0 }).score).toBe(1);
  });

  it('explains a prediction that is not a number and rejects a label that is not one', () => {
    expect(sync(numeric.score({ n: '12' }, { n: 'twelve' }, ctx(['n']))).feedback).toBe("expected n 12, got 'twelve', which is not a number");
    expect(() => numeric.score({ n: 'abc' }, { n: '1' }, ctx(['n']))).toThrow("the label for 'n' is not a number: 'abc'");
    expect(() => numeric.score({ n: 1 }, { n: '1' }, ctx(['n'], { tolerance: -1 }))).toThrow('config.tolerance must be a number ≥ 0');
  });
});
