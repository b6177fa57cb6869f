import { runPredictor } from '../../adapters/predict';
import type { LM } from '../../lm/types';
import type { Signature } from '../../signature/types';
import type { MetricContext } from '../types';
import { defineMetric } from './define';
import { combine, fieldsOf, labelOf } from './fields';
import type { FieldVerdict } from './fields';
import { shown, valueText } from './text';

/**
 * The judge's own signature. It runs through the same adapter as any predictor, so its
 * prompts and replies look like the rest of the program's in the trace inspector and cache.
 */
export const JUDGE_SIGNATURE: Signature = {
  instructions:
    'Judge whether the predicted answer is correct. It is correct when it agrees with the gold answer in meaning, ' +
    'even if worded differently; it is incorrect when it contradicts the gold answer or leaves out something the gold answer requires.',
  inputs: [
    { name: 'question', type: 'str', desc: 'the task inputs the answers respond to' },
    { name: 'gold_answer', type: 'str', desc: 'the known correct answer' },
    { name: 'predicted_answer', type: 'str', desc: 'the answer to judge' },
  ],
  outputs: [{ name: 'is_correct', type: 'bool', desc: 'whether the predicted answer is correct' }],
};

export const llmJudge = defineMetric({
  id: 'llm-judge',
  name: 'LLM judge',
  description:
    "An LM judges whether each output field means the same as its label, given the example's inputs. Costs one LM call per field per example.",
  needsLM: true,
  score: async (gold, pred, ctx) => {
    const lm = ctx.lm;
    if (!lm) throw new Error('llm-judge needs an LM: pass one as metricContext.lm');
    const fields = fieldsOf(ctx, 'llm-judge');
    const question = describeInputs(gold, fields);
    const verdicts = await Promise.all(fields.map((field) => judgeField(lm, ctx, field, question, labelOf(gold, field), pred[field])));
    return combine(verdicts);
  },
});

async function judgeField(lm: LM, ctx: MetricContext, field: string, question: string, label: unknown, predicted: unknown): Promise<FieldVerdict> {
  // An absent answer is wrong without asking anyone.
  if (predicted === undefined || predicted === null) {
    return { field, score: 0, feedback: `expected ${field} ${shown(label)}, got nothing` };
  }
  const config = ctx.config ?? {};
  const outcome = await runPredictor(
    lm,
    JUDGE_SIGNATURE,
    [],
    { question, gold_answer: valueText(label), predicted_answer: valueText(predicted) },
    {
      ...(typeof config.temperature === 'number' ? { temperature: config.temperature } : {}),
      ...(typeof config.model === 'string' ? { model: config.model } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
  );
  if (outcome.error !== undefined || !outcome.outputs) {
    throw new Error(`the judge could not rule on '${field}': ${outcome.error ?? 'no outputs'}`);
  }
  const correct = asBool(outcome.outputs.is_correct);
  if (correct === undefined) {
    throw new Error(`the judge answered is_correct = ${shown(outcome.outputs.is_correct)} for '${field}', expected True or False`);
  }
  return correct
    ? { field, score: 1, feedback: `${field}: the judge accepted ${shown(predicted)} as matching the expected ${shown(label)}` }
    : { field, score: 0, feedback: `expected ${field} ${shown(label)}, got ${shown(predicted)}; the judge ruled it incorrect` };
}

/** The example's inputs (everything but the compared fields), one `name: value` line each. */
function describeInputs(gold: Record<string, unknown>, fields: readonly string[]): string {
  return Object.entries(gold)
    .filter(([key, value]) => !fields.includes(key) && value !== undefined)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('\n');
}

/** The adapter types `bool` outputs; text is accepted too in case a fallback left it raw. */
function asBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'yes') return true;
    if (text === 'false' || text === 'no') return false;
  }
  return undefined;
}
