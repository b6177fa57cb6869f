import { z } from 'zod';
import type { Example } from '../data/types';
import { bootstrapDemos } from './bootstrap';
import { bootstrapParams, bootstrapRunRange } from './bootstrap-fewshot';
import { embedExamples, embeddingRequests, neighbourVotes } from './knn-neighbours';
import type { Optimizer } from './types';

export const knnFewShotConfig = z.object({
  k: z.number().int().min(1).max(64).default(3).describe('Nearest train examples looked up for each val input'),
  ...bootstrapParams,
});

export type KNNFewShotConfig = z.infer<typeof knnFewShotConfig>;

/**
 * DSPy's KNNFewShot, made static. DSPy bootstraps afresh on every forward call from the k train
 * examples nearest to that call's input, which a saved program (one fixed demo list per
 * predictor, DSPy's JSON) cannot hold. Here the inputs the program will meet are stood in for by
 * the val set: each val input votes for its k nearest train examples (dot product of the
 * provider's embeddings), and BootstrapFewShot runs over the train examples ranked by votes, so
 * the demos come from the neighbourhoods most val inputs share. The result is scored once on the
 * val set. Embeddings go through the run's embedder once per run: metered with the LM calls,
 * checked against the run's budget before each request, and held while the host is offline.
 */
export const knnFewShot: Optimizer<KNNFewShotConfig> = {
  id: 'knn-fewshot',
  name: 'KNNFewShot',
  description: 'Bootstraps demos from the train examples nearest (by embeddings) to the val inputs.',
  config: knnFewShotConfig,
  minTrainSize: 1,
  usesPromptModel: false,
  plan: (config, sizes) => {
    const runs = bootstrapRunRange(config, sizes.train);
    const embeddings = embeddingRequests(sizes.train) + embeddingRequests(sizes.val);
    return {
      taskRuns: runs.max + sizes.val,
      taskCalls: (runs.max + sizes.val) * sizes.predictors,
      promptCalls: 0,
      notes: [
        `${embeddings} embeddings request${embeddings === 1 ? '' : 's'} for ${sizes.train} train and ${sizes.val} val inputs (not LM calls; they count against the call, token and cost budgets)`,
        `${runs.min}–${runs.max} bootstrap runs over the val inputs' ${config.k} nearest train examples`,
        `${sizes.val} runs to score the result on the val set`,
      ],
    };
  },
  async compile(ctx, config) {
    if (!ctx.embedder) throw new Error('KNNFewShot needs an embeddings endpoint: the provider has none configured');
    const train = await embedExamples(ctx.embedder, ctx.trainset, ctx.inputKeys, ctx.signal);
    const val = await embedExamples(ctx.embedder, ctx.valset, ctx.inputKeys, ctx.signal);
    const ranked = neighbourVotes(train, val, config.k);
    const pool = ranked.map((r) => ctx.trainset[r.index] as Example);
    ctx.log(`${pool.length} train examples are among the ${config.k} nearest of some val input; the top one is nearest to ${ranked[0]?.votes ?? 0} val inputs`);
    const result = await bootstrapDemos(ctx, {
      student: ctx.baseline,
      trainset: pool,
      maxBootstrappedDemos: config.max_bootstrapped_demos,
      maxLabeledDemos: config.max_labeled_demos,
      maxRounds: config.max_rounds,
      metricThreshold: config.metric_threshold,
      maxErrors: config.max_errors,
      seed: ctx.seed,
    });
    ctx.log(`bootstrapped ${result.bootstrapped} demos from the neighbours in ${result.tried} runs`);
    const { result: scored } = await ctx.evaluate(result.program, ctx.valset, { label: `knn k=${config.k} (${result.bootstrapped} bootstrapped)`, subset: 'full' });
    return { program: result.program, score: scored.score };
  },
};
