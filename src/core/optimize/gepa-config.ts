/**
 * GEPA's settings (DSPy's parameter names and defaults) and its metric-call budget.
 *
 * The `auto` budget departs from DSPy on purpose (dspy#10245): DSPy prices a run as
 * V + 5n + 35N + ((N+1)//5 + 1)·V, a loop that no longer exists (a fixed minibatch of 35,
 * candidate bootstrapping, a full evaluation every five trials), so `reflection_minibatch_size`
 * never reached it. The loop actually run evaluates the parent and the child on the reflection
 * minibatch (2R metric calls per trial) and the full val set only for an accepted child or merge:
 *
 *   budget = V + N·2R + n·V + K·(5 + V)
 *
 * with V = |val|, R = reflection_minibatch_size, n = {light 6, medium 12, heavy 18} candidates
 * (room to validate n accepted children), N = max(2·(2P)·log2 n, 1.5n) trials (DSPy's own trial
 * count, P = predictors) and K = max_merge_invocations when use_merge (each merge screens on 5
 * val examples, then validates).
 */
import { z } from 'zod';
import type { CallPlan, DataSizes } from './types';

export const AUTO_CANDIDATES = { light: 6, medium: 12, heavy: 18 } as const;
/** Val examples a merged candidate is screened on before a full evaluation (GEPA's default). */
export const MERGE_SUBSAMPLE = 5;

export const gepaConfig = z
  .object({
    auto: z.enum(['light', 'medium', 'heavy']).optional().describe('Budget preset: light, medium or heavy (set exactly one of auto, max_full_evals, max_metric_calls)'),
    max_full_evals: z.number().int().min(1).optional().describe('Budget as a number of full evaluations of the train + val sets'),
    max_metric_calls: z.number().int().min(1).optional().describe('Budget as an exact number of metric calls (program runs scored)'),
    reflection_minibatch_size: z.number().int().min(1).max(64).default(3).describe('Train examples the parent and child run on per reflection step'),
    candidate_selection_strategy: z.enum(['pareto', 'current_best']).default('pareto').describe('Parent choice: from the per-example Pareto front, or always the best mean'),
    component_selector: z.enum(['round_robin', 'all']).default('round_robin').describe('Which predictors one reflection step rewrites: one in turn, or all'),
    use_merge: z.boolean().default(true).describe('Also try merging two Pareto candidates that descend from a common ancestor'),
    max_merge_invocations: z.number().int().min(0).max(100).default(5).describe('Most merge attempts in one run'),
    skip_perfect_score: z.boolean().default(true).describe('Skip reflection when the parent is already perfect on the minibatch'),
    perfect_score: z.number().default(1).describe('The score that counts as perfect'),
  })
  .superRefine((c, issues) => {
    const set = [c.auto, c.max_full_evals, c.max_metric_calls].filter((v) => v !== undefined).length;
    if (set !== 1) {
      issues.addIssue({ code: 'custom', path: ['auto'], message: `set exactly one of auto, max_full_evals, max_metric_calls (got ${set})` });
    }
  });

export type GepaConfig = z.infer<typeof gepaConfig>;

/** DSPy's trial count for n candidates and P predictors. */
export function autoTrials(predictors: number, candidates: number): number {
  return Math.floor(Math.max(2 * (2 * Math.max(1, predictors)) * Math.log2(candidates), 1.5 * candidates));
}

/** The run's metric-call budget (see the file comment for `auto`). */
export function metricBudget(config: GepaConfig, sizes: DataSizes): number {
  if (config.max_metric_calls !== undefined) return config.max_metric_calls;
  // As DSPy: a "full eval" is one pass over the train and val sets.
  if (config.max_full_evals !== undefined) return config.max_full_evals * (sizes.train + sizes.val);
  const n = AUTO_CANDIDATES[config.auto ?? 'light'];
  const V = sizes.val;
  const R = Math.min(config.reflection_minibatch_size, Math.max(1, sizes.train));
  const merges = config.use_merge ? config.max_merge_invocations : 0;
  return V + autoTrials(sizes.predictors, n) * 2 * R + n * V + merges * (MERGE_SUBSAMPLE + V);
}

export function gepaPlan(config: GepaConfig, sizes: DataSizes): CallPlan {
  const budget = metricBudget(config, sizes);
  const R = Math.min(config.reflection_minibatch_size, Math.max(1, sizes.train));
  // At most one reflection per 2R metric calls after the seed's evaluation; 'all' rewrites every predictor.
  const trials = Math.max(0, Math.floor((budget - sizes.val) / (2 * R)));
  const perTrial = config.component_selector === 'all' ? sizes.predictors : 1;
  return {
    taskRuns: budget,
    taskCalls: budget * sizes.predictors,
    promptCalls: trials * perTrial,
    notes: [
      `${budget} metric calls${config.auto ? ` (auto=${config.auto}: V + N·2R + n·V + K·(5+V), see dspy#10245)` : ''}; each is one program run`,
      `≤ ${trials} reflection steps of 2×${R} runs, each with ${perTrial} reflection call(s)`,
      'accepted children and merges cost a full val evaluation each, inside the same budget',
    ],
  };
}
