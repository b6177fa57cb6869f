import type { MetricContext, MetricResult } from '../types';

/** One field's verdict; the metric's score is the mean over `ctx.fields`. */
export interface FieldVerdict {
  field: string;
  score: number;
  feedback: string;
}

/** The fields to compare, failing loudly when the caller configured none. */
export function fieldsOf(ctx: MetricContext, metricId: string): string[] {
  if (ctx.fields.length === 0) throw new Error(`metric '${metricId}' has no fields to compare (ctx.fields is empty)`);
  return ctx.fields;
}

/**
 * The example's label for `field`. A missing label is a data problem, not a wrong answer:
 * it throws, so `evaluate` reports it as an error instead of quietly scoring 0.
 */
export function labelOf(gold: Record<string, unknown>, field: string): unknown {
  const value = gold[field];
  if (value === undefined || value === null) {
    const known = Object.keys(gold).filter((k) => gold[k] !== undefined && gold[k] !== null);
    throw new Error(`the example has no label for field '${field}' (it has: ${known.join(', ') || 'nothing'})`);
  }
  return value;
}

/**
 * DSPy's answer-list convention: a list label scored against a non-list prediction is a set
 * of acceptable answers, and the best match counts.
 */
export function acceptableAnswers(label: unknown, prediction: unknown): unknown[] {
  return Array.isArray(label) && !Array.isArray(prediction) && label.length > 0 ? label : [label];
}

export function combine(verdicts: readonly FieldVerdict[]): MetricResult {
  const score = verdicts.reduce((sum, v) => sum + v.score, 0) / verdicts.length;
  return { score, feedback: verdicts.map((v) => v.feedback).join('\n') };
}

/** Applies a per-field scorer to every field in `ctx.fields`. */
export function scoreEachField(
  metricId: string,
  gold: Record<string, unknown>,
  pred: Record<string, unknown>,
  ctx: MetricContext,
  scoreField: (field: string, label: unknown, predicted: unknown) => Omit<FieldVerdict, 'field'>,
): MetricResult {
  return combine(
    fieldsOf(ctx, metricId).map((field) => ({ field, ...scoreField(field, labelOf(gold, field), pred[field]) })),
  );
}
