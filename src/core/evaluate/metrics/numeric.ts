import type { MetricContext } from '../types';
import { defineMetric } from './define';
import { acceptableAnswers, scoreEachField } from './fields';
import { shown } from './text';

const DEFAULT_TOLERANCE = 1e-6;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A number from a number or from text like "12", "12.0", " 12 ", "-1.5e3" or "1,234.5". */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (PLAIN.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

/**
 * Python's `math.isclose`: equal when the difference is within the relative tolerance of the
 * larger magnitude, or within the absolute tolerance (which is what makes 0 vs 1e-9 equal).
 */
export function numbersClose(a: number, b: number, rel: number, abs: number): boolean {
  return Math.abs(a - b) <= Math.max(rel * Math.max(Math.abs(a), Math.abs(b)), abs);
}

function tolerances(ctx: MetricContext): { rel: number; abs: number } {
  const config = ctx.config ?? {};
  const read = (key: string, fallback: number): number => {
    const v = config[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !(v >= 0)) throw new Error(`numeric metric: config.${key} must be a number ≥ 0, got ${String(v)}`);
    return v;
  };
  const both = read('tolerance', DEFAULT_TOLERANCE);
  return { rel: read('relTolerance', both), abs: read('absTolerance', both) };
}

export const numeric = defineMetric({
  id: 'numeric',
  name: 'Numeric',
  description:
    'Each output field is a number equal to its label within a tolerance (config.tolerance, default 1e-6, absolute or relative; absTolerance/relTolerance set one). "12", "12.0" and " 12 " all read as 12.',
  score: (gold, pred, ctx) => {
    const { rel, abs } = tolerances(ctx);
    return scoreEachField('numeric', gold, pred, ctx, (field, label, predicted) => {
      const answers = acceptableAnswers(label, predicted).map((answer) => {
        const n = parseNumber(answer);
        if (n === undefined) throw new Error(`numeric metric: the label for '${field}' is not a number: ${shown(answer)}`);
        return n;
      });
      const got = parseNumber(predicted);
      const expected = answers.length > 1 ? `one of ${answers.join(', ')}` : String(answers[0]);
      if (got === undefined) {
        const what = predicted === undefined || predicted === null ? 'nothing' : `${shown(predicted)}, which is not a number`;
        return { score: 0, feedback: `expected ${field} ${expected}, got ${what}` };
      }
      if (answers.some((n) => numbersClose(got, n, rel, abs))) {
        return { score: 1, feedback: `${field}: got ${got}, as expected` };
      }
      return { score: 0, feedback: `expected ${field} ${expected}, got ${got}` };
    });
  },
});
