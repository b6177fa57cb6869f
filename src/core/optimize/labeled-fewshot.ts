import { z } from 'zod';
import { Rng } from '../random';
import type { Demo } from '../signature/types';
import type { Optimizer } from './types';

export const labeledFewShotConfig = z.object({
  k: z.number().int().min(1).max(64).default(16).describe('Demos per predictor, sampled from the train set'),
});

export type LabeledFewShotConfig = z.infer<typeof labeledFewShotConfig>;

/**
 * DSPy's LabeledFewShot: each predictor gets `min(k, |train|)` training examples, sampled with
 * the run's seed, as demos. No LM calls to compile; the result is scored once on the val set.
 */
export const labeledFewShot: Optimizer<LabeledFewShotConfig> = {
  id: 'labeled-fewshot',
  name: 'LabeledFewShot',
  description: 'Uses k labeled training examples as demos for every predictor. No LM calls to compile.',
  config: labeledFewShotConfig,
  minTrainSize: 1,
  usesPromptModel: false,
  plan: (_config, sizes) => ({
    taskRuns: sizes.val,
    taskCalls: sizes.val * sizes.predictors,
    promptCalls: 0,
    notes: ['0 calls to compile (demos are sampled, not generated)', `${sizes.val} runs to score the result on the val set`],
  }),
  async compile(ctx, config) {
    const program = { ...ctx.baseline };
    for (const p of ctx.predictors) {
      // As DSPy: a fresh generator per predictor, so every predictor gets the same sample.
      const demos: Demo[] = new Rng(ctx.seed).sample(ctx.trainset, config.k).map((ex) => ({ ...ex.data }));
      const current = program[p.name];
      if (current) program[p.name] = { ...current, demos };
    }
    const { result } = await ctx.evaluate(program, ctx.valset, { label: `labeled k=${config.k}`, subset: 'full' });
    return { program, score: result.score };
  },
};
