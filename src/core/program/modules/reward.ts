/**
 * The reward of BestOfN and Refine (DSPy's `reward_fn(args, pred) -> float`). At inference time
 * there is no gold label, so a reward either is code that judges the prediction on its own
 * (`{ args, pred }` in, a number out) or a metric that compares an output field with one of the
 * module's own input fields (e.g. an answer against the question's expected format) — never
 * with the example's label.
 */
import { z } from 'zod';
import { getMetric } from '../../evaluate/metrics/registry';
import type { ModuleRun } from './types';
import { ModuleError } from './types';

export const rewardSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('code'),
      code: z.string().min(1, 'write the reward code').describe('JavaScript: the body of an async function of `args` (the inputs) and `pred` (the outputs) that returns a number, e.g. `return pred.answer.split(" ").length === 1 ? 1 : 0`.'),
    }),
    z.object({
      kind: z.literal('metric'),
      metricId: z.string().min(1).describe('A metric that needs no LM judge (exact-match, f1, contains, numeric).'),
      field: z.string().min(1).describe('The output field to score.'),
      reference: z.string().min(1).describe("The module's own input field to compare it with (there are no gold labels at inference time)."),
    }),
  ])
  .describe('How each attempt is scored: reference-free code, or a metric comparing an output with one of the inputs.');

export type Reward = z.infer<typeof rewardSchema>;

export function describeReward(reward: Reward): string {
  return reward.kind === 'code' ? reward.code : `metric ${reward.metricId}(${reward.field} vs input ${reward.reference})`;
}

/** Scores one attempt; a failure throws a ModuleError that names the module (an attempt failure). */
export async function scoreReward(run: ModuleRun, reward: Reward, args: Record<string, unknown>, pred: Record<string, unknown>): Promise<number> {
  const where = `the reward of '${run.node.name}'`;
  if (reward.kind === 'metric') {
    const metric = getMetric(reward.metricId);
    if (!metric) throw new ModuleError(`${where}: unknown metric '${reward.metricId}'`, run.node.id);
    if (metric.needsLM) throw new ModuleError(`${where}: metric '${reward.metricId}' needs an LM judge, which a reward cannot use`, run.node.id);
    const result = await metric.score({ [reward.field]: args[reward.reference] }, { [reward.field]: pred[reward.field] }, { fields: [reward.field], signal: run.signal, code: run.services.code });
    return result.score;
  }
  const runner = run.services.code;
  if (!runner) throw new ModuleError(`${where} is code and needs a code sandbox, and this run was given none`, run.node.id);
  const result = await runner.run({ code: reward.code, args: { args, pred }, label: where, signal: run.signal });
  run.signal?.throwIfAborted();
  if (!result.ok) throw new ModuleError(result.error, run.node.id);
  const value = typeof result.value === 'boolean' ? Number(result.value) : result.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ModuleError(`${where} must return a number, but returned ${JSON.stringify(result.value)}`, run.node.id);
  return value;
}
