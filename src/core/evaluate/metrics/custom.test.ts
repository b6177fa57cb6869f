import { describe, expect, it } from 'vitest';
import { createInlineCodeRunner } from '../../sandbox/test-support/inline-runner';
import type { CodeRunner } from '../../sandbox/types';
import type { MetricContext } from '../types';
import { CUSTOM_METRIC_TEMPLATE, customMetric, verdictOf } from './custom';
import { getMetric } from './registry';

const ctx = (code: string | undefined, runner: CodeRunner | null = createInlineCodeRunner()): MetricContext => ({
  fields: ['sum'],
  ...(runner ? { code: runner } : {}),
  ...(code === undefined ? {} : { config: { code } }),
});

describe('custom metric', () => {
  it('is registered as "custom"', () => {
    expect(getMetric('custom')).toBe(customMetric);
  });

  it('passes gold and pred and reads a number, a boolean or { score, feedback }', async () => {
    expect(await customMetric.score({ a: 1, sum: 3 }, { sum: 3 }, ctx('return pred.sum === gold.sum ? 1 : 0;'))).toEqual({ score: 1 });
    expect(await customMetric.score({ sum: 3 }, { sum: 4 }, ctx('return pred.sum === gold.sum;'))).toEqual({ score: 0 });
    expect(await customMetric.score({ sum: 3 }, { sum: 4 }, ctx('return { score: 0.25, feedback: `off by ${pred.sum - gold.sum}` };'))).toEqual({
      score: 0.25,
      feedback: 'off by 1',
    });
  });

  it('scores the starter template', async () => {
    expect(await customMetric.score({ sum: 3 }, { sum: 3 }, ctx(CUSTOM_METRIC_TEMPLATE))).toEqual({ score: 1, feedback: '1 of 1 fields match' });
  });

  it('scores a failing run 0 with the runner\u2019s message as feedback', async () => {
    expect(await customMetric.score({ sum: 3 }, { sum: 3 }, ctx('throw new Error("no idea");'))).toEqual({ score: 0, feedback: 'custom metric failed: no idea' });
    const refusing: CodeRunner = { run: () => Promise.resolve({ ok: false, error: 'code in this project is disabled' }) };
    expect(await customMetric.score({ sum: 3 }, { sum: 3 }, ctx('return 1;', refusing))).toEqual({ score: 0, feedback: 'code in this project is disabled' });
  });

  it('scores an unusable return value 0 and names it', () => {
    expect(verdictOf('yes')).toEqual({ score: 0, feedback: 'custom metric returned "yes"; expected a number from 0 to 1, true/false, or { score, feedback }' });
    expect(verdictOf(undefined)).toEqual({ score: 0, feedback: 'custom metric returned nothing; expected a number from 0 to 1, true/false, or { score, feedback }' });
    expect(verdictOf(3)).toEqual({ score: 0, feedback: 'custom metric returned 3; a score is a number from 0 to 1' });
    expect(verdictOf({ score: 'high' })).toEqual({ score: 0, feedback: 'custom metric returned score "high"; a score is a number from 0 to 1 or true/false' });
    expect(verdictOf({ score: true, feedback: 'fine' })).toEqual({ score: 1, feedback: 'fine' });
  });

  it('throws when the host gave no sandbox or the project no code', async () => {
    await expect(customMetric.score({}, {}, ctx('return 1;', null))).rejects.toThrow('the custom metric needs a code sandbox');
    await expect(customMetric.score({}, {}, { ...ctx(undefined) })).rejects.toThrow('the custom metric has no code');
  });

  it('passes the run\u2019s signal and a label to the runner', async () => {
    const seen: unknown[] = [];
    const spy: CodeRunner = { run: (request) => (seen.push({ label: request.label, args: request.args, signal: request.signal }), Promise.resolve({ ok: true, value: 1 })) };
    const signal = new AbortController().signal;
    await customMetric.score({ sum: 1 }, { sum: 1 }, { ...ctx('return 1;', spy), signal });
    expect(seen).toEqual([{ label: 'custom metric', args: { gold: { sum: 1 }, pred: { sum: 1 } }, signal }]);
  });
});
