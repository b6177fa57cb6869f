import { z } from 'zod';
import { runEnsemble } from './ensemble-vote';
import { planRandomSearch, randomSearchParams, searchCandidates } from './random-search';
import type { Optimizer } from './types';

export const ensembleConfig = z.object({
  size: z.number().int().min(1).max(16).default(3).describe('Programs in the ensemble: the best candidates of the random search'),
  reduce_fn: z.enum(['majority']).default('majority').describe('How member outputs combine (majority vote, as dspy.majority)'),
  ...randomSearchParams,
});

export type EnsembleConfig = z.infer<typeof ensembleConfig>;

/**
 * DSPy's Ensemble over RandomSearch's candidate programs. A saved program holds one state per
 * predictor (DSPy's JSON; its own Ensemble cannot be saved and loaded, #775), so the compiled
 * result is the best member; the ensemble itself is an evaluation-time combinator
 * (ensemble-vote.ts) whose val score is recorded as a trial, to show what combining would add.
 * Members are the top `size` candidates by val score (DSPy samples `size` at random per call;
 * a fixed choice keeps runs reproducible).
 */
export const ensemble: Optimizer<EnsembleConfig> = {
  id: 'ensemble',
  name: 'Ensemble',
  description: 'Runs a random search, then scores a majority vote of its best programs; returns the best single program.',
  config: ensembleConfig,
  minTrainSize: 1,
  usesPromptModel: false,
  plan: (config, sizes) => {
    const search = planRandomSearch(config, sizes);
    const runs = Math.min(config.size, config.num_candidate_programs + 3) * sizes.val;
    return {
      ...search,
      taskRuns: search.taskRuns + runs,
      taskCalls: search.taskCalls + runs * sizes.predictors,
      notes: [...search.notes, `${runs} runs to score the ensemble's vote on the val set (cache hits when a cache is on: the members ran there already)`],
    };
  },
  async compile(ctx, config) {
    const search = await searchCandidates(ctx, config);
    const members = search.candidates.slice(0, config.size);
    const label = `ensemble of ${members.length} (${config.reduce_fn}): ${members.map((m) => m.label).join(', ')}`;
    const { result } = await ctx.evaluate(search.best.program, ctx.valset, {
      label,
      subset: 'full',
      runExample: (example) => runEnsemble((member) => ctx.run(member, example), members.map((m) => m.program), ctx.fields, config.reduce_fn),
    });
    const bestPercent = Math.round(search.best.score * 10000) / 100;
    ctx.log(`the ensemble scores ${result.percent}% on the val set; its best member ${bestPercent}%`);
    if (result.score > search.best.score) {
      ctx.log('the ensemble beats its best member, but a saved program holds one state per predictor: returning the best member', 'warn');
    }
    return { program: search.best.program, score: search.best.score, stopReason: search.stopReason };
  },
};
