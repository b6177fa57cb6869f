import type { MetricResult } from '../types';
import { defineMetric } from './define';

/** How runs and error messages name the metric's code. */
export const CUSTOM_METRIC_LABEL = 'custom metric';

/** What a new custom metric starts with: exact equality on every compared field. */
export const CUSTOM_METRIC_TEMPLATE = [
  '// gold: the example (inputs and labels); pred: the program\'s outputs.',
  '// Return a number from 0 to 1, true/false, or { score, feedback }.',
  'const fields = Object.keys(pred);',
  'const right = fields.filter((f) => String(pred[f]).trim() === String(gold[f]).trim());',
  'return { score: fields.length ? right.length / fields.length : 0, feedback: `${right.length} of ${fields.length} fields match` };',
].join('\n');

/** The code in a custom metric's config, or undefined when there is none. */
export function customMetricCode(config: Record<string, unknown> | undefined): string | undefined {
  const code = config?.code;
  return typeof code === 'string' && code.trim() !== '' ? code : undefined;
}

/**
 * The user's own metric, written as the body of an async function of `gold` and `pred`, run in
 * the host's sandbox (`ctx.code`). A wrong return value or a failing run scores 0 with feedback
 * naming the problem, so one bad example never stops a run; a missing sandbox or missing code
 * is a setup error and throws.
 */
export const customMetric = defineMetric({
  id: 'custom',
  name: 'Custom (code)',
  description:
    'Your own JavaScript: the body of an async function of gold (the example) and pred (the outputs) that returns a score from 0 to 1, true/false, or { score, feedback }. It runs in a sandbox without network access.',
  score: async (gold, pred, ctx) => {
    const runner = ctx.code;
    if (!runner) throw new Error('the custom metric needs a code sandbox: pass one as metricContext.code');
    const code = customMetricCode(ctx.config);
    if (code === undefined) throw new Error('the custom metric has no code: write it in the project\'s metric settings');
    const result = await runner.run({ code, args: { gold, pred }, label: CUSTOM_METRIC_LABEL, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    if (!result.ok) return { score: 0, feedback: result.error };
    return verdictOf(result.value);
  },
});

/** Reads the metric's return value; anything unusable scores 0 and says why. */
export function verdictOf(value: unknown): MetricResult {
  if (typeof value === 'boolean') return { score: value ? 1 : 0 };
  if (typeof value === 'number') {
    const score = scoreOf(value);
    return score === undefined ? refused(`returned ${value}; a score is a number from 0 to 1`) : { score };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'score' in value) {
    const { score, feedback } = value as { score: unknown; feedback?: unknown };
    const n = typeof score === 'boolean' ? (score ? 1 : 0) : typeof score === 'number' ? scoreOf(score) : undefined;
    if (n === undefined) return refused(`returned score ${describe(score)}; a score is a number from 0 to 1 or true/false`);
    if (feedback !== undefined && typeof feedback !== 'string') return { score: n, feedback: `(feedback was not text: ${describe(feedback)})` };
    return feedback === undefined ? { score: n } : { score: n, feedback };
  }
  return refused(`returned ${describe(value)}; expected a number from 0 to 1, true/false, or { score, feedback }`);
}

function scoreOf(n: number): number | undefined {
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

function refused(problem: string): MetricResult {
  return { score: 0, feedback: `${CUSTOM_METRIC_LABEL} ${problem}` };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
