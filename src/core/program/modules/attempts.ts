/**
 * The loop BestOfN and Refine share (dspy/predict/best_of_n.py, refine.py): up to N attempts,
 * each a fresh rollout (rollout id start+i, temperature 1.0), scored by the reward; stop at the
 * first reward ≥ threshold, keep the best. A failing attempt is allowed while DSPy's
 * `idx > fail_count` test passes. Refine also asks the LM for advice after each attempt below
 * the threshold and passes it to the next attempt as a `hint_` input.
 */
import { z } from 'zod';
import { getMetric } from '../../evaluate/metrics/registry';
import { isAbort } from './abort';
import { withReasoning } from './chain-of-thought';
import { offerFeedback } from './refine-feedback';
import { describeReward, rewardSchema, scoreReward } from './reward';
import type { ModuleNode } from '../types';
import type { ModuleRun, PredictorSpec } from './types';
import { ModuleError } from './types';

export const attemptsConfig = z.object({
  module: z.enum(['Predict', 'ChainOfThought']).default('ChainOfThought').describe('The module run on each attempt.'),
  N: z.number().int().min(1).max(16).default(3).describe('Most attempts.'),
  threshold: z.number().default(1).describe('Stop at the first attempt whose reward is at least this.'),
  fail_count: z.number().int().min(0).optional().describe('Failed attempts allowed before the module fails (default: N).'),
  reward: rewardSchema,
});

export type AttemptsConfig = z.infer<typeof attemptsConfig>;

/** The inner module's one predictor: `module` for a Predict, `module.predict` for a ChainOfThought. */
export function innerPredictor(node: ModuleNode): PredictorSpec {
  const inner = attemptsConfig.shape.module.safeParse(node.config.module).data ?? 'ChainOfThought';
  return inner === 'Predict' ? { path: 'module', signature: node.signature } : { path: 'module.predict', signature: withReasoning(node.signature) };
}

/** DSPy's `named_predictors()` name inside the inner module: how Refine's advice addresses it. */
const innerName = (spec: PredictorSpec) => (spec.path === 'module' ? 'self' : 'predict');

export function attemptsPorts(node: ModuleNode) {
  const { signature } = innerPredictor(node);
  return { inputs: signature.inputs, outputs: signature.outputs };
}

/** A new BestOfN or Refine node: a ChainOfThought tried 3 times, rewarded for a one-line answer. */
export function attemptsTemplate() {
  return {
    signature: { instructions: 'Answer the question.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] },
    config: { module: 'ChainOfThought', N: 3, threshold: 1, reward: { kind: 'code', code: "return String(pred.answer).includes('\\n') ? 0 : 1;" } },
  };
}

export function attemptsCheck(node: ModuleNode): string[] {
  const reward = attemptsConfig.safeParse(node.config).data?.reward;
  if (reward?.kind !== 'metric') return [];
  const out: string[] = [];
  const metric = getMetric(reward.metricId);
  if (!metric) out.push(`reward: unknown metric '${reward.metricId}'`);
  else if (metric.needsLM) out.push(`reward: metric '${reward.metricId}' needs an LM judge, which a reward cannot use`);
  const { inputs, outputs } = attemptsPorts(node);
  if (!outputs.some((f) => f.name === reward.field)) out.push(`reward: '${reward.field}' is not an output field`);
  if (!inputs.some((f) => f.name === reward.reference)) out.push(`reward: '${reward.reference}' is not an input field (a reward compares with the module's inputs, not with labels)`);
  return out;
}

function readConfig(run: ModuleRun, kind: string): AttemptsConfig {
  const parsed = attemptsConfig.safeParse(run.node.config);
  if (!parsed.success) throw new ModuleError(`${kind} '${run.node.name}': ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, run.node.id);
  return parsed.data;
}

export async function runAttempts(run: ModuleRun, inputs: Record<string, unknown>, kind: 'BestOfN' | 'Refine'): Promise<Record<string, unknown>> {
  const config = readConfig(run, kind);
  const spec = innerPredictor(run.node);
  const start = run.rolloutId ?? 0;
  let failCount = config.fail_count || config.N;
  let best: { outputs: Record<string, unknown>; reward: number; attempt: number } | undefined;
  let advice: Record<string, unknown> | undefined;
  let lastError: unknown;
  const spans: { from: number; to: number }[] = [];
  for (let idx = 0; idx < config.N; idx++) {
    const from = run.traceLength();
    try {
      const hint = advice ? String(advice[innerName(spec)] ?? 'N/A') : undefined;
      const outputs = await run.predict(spec.path, inputs, { rolloutId: start + idx, temperature: 1.0, ...(hint === undefined ? {} : { hint }) });
      spans[idx] = { from, to: run.traceLength() };
      const reward = await scoreReward(run, config.reward, inputs, outputs);
      if (!best || reward > best.reward) best = { outputs, reward, attempt: idx };
      if (reward >= config.threshold) break;
      if (kind === 'Refine' && idx < config.N - 1) {
        advice = await offerFeedback(run, spec, innerName(spec), { inputs, outputs, reward, threshold: config.threshold, rewardCode: describeReward(config.reward) });
      }
    } catch (error) {
      if (isAbort(error, run.signal)) throw error;
      spans[idx] ??= { from, to: run.traceLength() };
      lastError = error;
      if (idx > failCount) throw error instanceof ModuleError ? error : new ModuleError(String(error), run.node.id);
      failCount -= 1;
    }
  }
  // As DSPy keeps only the chosen attempt's trace, the others are relabelled so that
  // bootstrapping never turns them into demos; the inspector still shows them.
  spans.forEach((span, idx) => {
    if (idx !== best?.attempt) run.rename(span.from, span.to, (p) => `${p} (attempt ${idx + 1}, not chosen)`);
  });
  if (!best) {
    const why = lastError instanceof Error ? `: ${lastError.message}` : '';
    throw new ModuleError(`${kind} '${run.node.name}': no attempt succeeded${why}`, run.node.id);
  }
  return best.outputs;
}
