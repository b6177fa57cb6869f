import { exportDspyPython } from '../formats/dspy-python';
import { Rng } from '../random';
import { createFewshotDemoSets } from './bootstrap';
import { countCalls, miprov2Config, resolveSettings, type Miprov2Config } from './miprov2-config';
import { scoreQuietly, searchPrograms } from './miprov2-search';
import { proposeInstructions } from './proposer';
import { summarizeDataset } from './proposer-dataset';
import type { Optimizer } from './types';

/**
 * DSPy's MIPROv2: (1) bootstrap candidate demo sets, (2) propose grounded instructions per
 * predictor, (3) search instruction × demo-set combinations with a seeded TPE on minibatches,
 * with periodic full evaluations that alone decide the best program. Instructions-only runs
 * (max_bootstrapped_demos = max_labeled_demos = 0) still bootstrap 3 demos per set, to ground
 * the proposals, and search instructions alone; labeled-only runs search labeled demo sets
 * (DSPy #9938 crashes or overrides the settings in both cases).
 */
export const miprov2: Optimizer<Miprov2Config> = {
  id: 'miprov2',
  name: 'MIPROv2',
  description: 'Proposes data-grounded instructions and demo sets, then searches their combinations with Bayesian optimization (TPE) on minibatches.',
  config: miprov2Config,
  minTrainSize: 2,
  usesPromptModel: true,
  plan(config, sizes) {
    const predictors = Math.max(1, sizes.predictors);
    const settings = resolveSettings(config, predictors, sizes.val);
    const counts = countCalls(config, settings, sizes.train, predictors);
    const taskRuns = counts.evaluationRuns + counts.bootstrapRuns;
    const trials = settings.minibatch
      ? `${settings.numTrials} minibatch trials × ${config.minibatch_size} + ${counts.fullEvaluations} full evaluations × ${settings.valSize}`
      : `${counts.fullEvaluations} full evaluations × ${settings.valSize} (no minibatches: the validation set is small)`;
    return {
      taskRuns,
      taskCalls: taskRuns * predictors,
      promptCalls: counts.promptCalls,
      notes: [
        `${settings.numInstructions} instruction candidates${settings.zeroShot ? ' (instructions only)' : ` × ${settings.numDemoSets} demo sets`} per predictor, ${settings.numTrials} trials`,
        `task runs: ${trials}`,
        `up to ${counts.bootstrapRuns} runs to bootstrap demo sets (≤ train per bootstrapped set)`,
        `prompt calls: dataset summary (2 + train/${config.view_data_batch_size}, at most 11) + 3 × P × ${counts.proposals} proposals`,
      ],
    };
  },
  async compile(ctx, config) {
    const seed = config.seed ?? ctx.seed;
    const rng = new Rng(seed);
    const settings = resolveSettings(config, ctx.predictors.length, ctx.valset.length);
    const valset = settings.valSize < ctx.valset.length ? rng.fork('valset').sample(ctx.valset, settings.valSize) : ctx.valset;
    ctx.log(
      `MIPROv2: ${settings.numInstructions} instructions, ${settings.zeroShot ? 'no demos' : `${settings.numDemoSets} demo sets`}, ${settings.numTrials} trials on ${valset.length} validation examples${settings.minibatch ? ` (minibatches of ${config.minibatch_size})` : ''}`,
    );

    // The default program's score needs nothing from steps 1 and 2, so it shares their slots;
    // its trial is still recorded first in step 3.
    const defaultEvaluation = scoreQuietly(ctx, ctx.baseline, valset);
    defaultEvaluation.catch(() => undefined); // awaited in step 3; a cancel rejects it
    ctx.log(`MIPROv2 step 1: bootstrapping ${settings.numDemoSets} demo sets${settings.zeroShot ? ' (to ground the proposals only)' : ''}, and summarizing the data`);
    // Independent of each other: the demo sets and the dataset summary share the slots.
    const demoSetsPending = createFewshotDemoSets(ctx, {
      student: ctx.baseline,
      trainset: ctx.trainset,
      numSets: settings.numDemoSets,
      maxBootstrappedDemos: settings.bootstrapDemos,
      maxLabeledDemos: settings.labeledDemos,
      seed,
      metricThreshold: config.metric_threshold,
    });
    demoSetsPending.catch(() => undefined); // awaited below; a cancel rejects both
    const datasetDescription = await summarizeDataset(ctx, ctx.trainset, config.view_data_batch_size);
    const demoSets = await demoSetsPending;

    ctx.log('MIPROv2 step 2: proposing instructions');
    const instructions = await proposeInstructions(ctx, {
      state: ctx.baseline,
      demoSets,
      count: settings.numInstructions,
      datasetDescription,
      programCode: exportDspyPython(ctx.graph),
      temperature: config.init_temperature,
      rng: rng.fork('proposer'),
    });
    for (const [name, list] of Object.entries(instructions)) ctx.log(`MIPROv2: ${list.length} instruction candidates for ${name}`);

    ctx.log('MIPROv2 step 3: searching instruction × demo-set combinations');
    const result = await searchPrograms(ctx, {
      baseline: ctx.baseline,
      instructions,
      demoSets: settings.zeroShot ? undefined : demoSets,
      valset,
      numTrials: settings.numTrials,
      minibatch: settings.minibatch,
      minibatchSize: config.minibatch_size,
      fullEvalSteps: config.minibatch_full_eval_steps,
      seed,
      rng: rng.fork('minibatches'),
      defaultEvaluation,
    });
    ctx.log(`MIPROv2: best program scores ${result.score.toFixed(3)} after ${result.fullEvaluations} full evaluations`);
    return { program: result.program, score: result.score };
  },
};
