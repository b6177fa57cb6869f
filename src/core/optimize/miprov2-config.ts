/**
 * MIPROv2's parameters (DSPy's names and defaults) and the settings they resolve to: `auto`
 * picks the number of candidates and the validation-set size, and the number of trials follows
 * DSPy's formula. Shared by `plan()` and `compile()` so the plan is the run.
 */
import { z } from 'zod';
import { datasetSummaryCalls } from './proposer-dataset';
import { proposalsPerPredictor } from './proposer';

export const AUTO_RUN_SETTINGS = {
  light: { n: 6, valSize: 100 },
  medium: { n: 12, valSize: 300 },
  heavy: { n: 18, valSize: 1000 },
} as const;

/** DSPy turns minibatching off for validation sets this small. */
export const MIN_MINIBATCH_VALSET = 50;

export const miprov2Config = z
  .object({
    auto: z.enum(['light', 'medium', 'heavy']).nullable().default('light').describe('Run size: candidates and validation-set size (null: set num_candidates and num_trials yourself)'),
    num_candidates: z.number().int().min(1).max(100).optional().describe('Instruction and demo-set candidates per predictor (overrides auto)'),
    num_trials: z.number().int().min(1).max(1000).optional().describe('Search trials (overrides the formula from the candidates)'),
    max_bootstrapped_demos: z.number().int().min(0).max(32).default(4).describe('Bootstrapped demos per candidate set (0 with max_labeled_demos=0: instructions only)'),
    max_labeled_demos: z.number().int().min(0).max(64).default(4).describe('Labeled train examples per candidate set'),
    seed: z.number().int().optional().describe("Random seed for sampling and search (default: the run's seed)"),
    init_temperature: z.number().min(0).max(2).default(1).describe("Prompt model's temperature for instruction proposals"),
    metric_threshold: z.number().optional().describe('Score a bootstrapped trace must reach to become a demo (default: any passing score)'),
    minibatch: z.boolean().default(true).describe('Score trials on minibatches, with periodic full evaluations'),
    minibatch_size: z.number().int().min(1).max(1000).default(35).describe('Validation examples per minibatch trial'),
    minibatch_full_eval_steps: z.number().int().min(1).max(100).default(5).describe('Minibatch trials between full evaluations of the best-averaging candidate'),
    view_data_batch_size: z.number().int().min(1).max(100).default(10).describe('Examples shown per dataset-summary call'),
  })
  .superRefine((config, issues) => {
    if (config.auto !== null) return;
    for (const key of ['num_candidates', 'num_trials'] as const) {
      if (config[key] === undefined) issues.addIssue({ code: 'custom', path: [key], message: `required when auto is null` });
    }
  });

export type Miprov2Config = z.infer<typeof miprov2Config>;

export interface MiproSettings {
  /** No demos in the search (max_bootstrapped_demos = max_labeled_demos = 0). */
  zeroShot: boolean;
  numInstructions: number;
  numDemoSets: number;
  numTrials: number;
  /** Validation examples used (after auto's subsample). */
  valSize: number;
  minibatch: boolean;
  /** Demo-set bootstrapping: zero-shot still bootstraps 3 demos, for the proposer only. */
  bootstrapDemos: number;
  labeledDemos: number;
}

/** DSPy's trial count: max(2 · vars · log2 n, 1.5 · n), vars = 2 per predictor (1 zero-shot). */
export function trialsFor(predictors: number, zeroShot: boolean, n: number): number {
  const vars = predictors * (zeroShot ? 1 : 2);
  return Math.max(1, Math.floor(Math.max(2 * vars * Math.log2(n), 1.5 * n)));
}

export function resolveSettings(config: Miprov2Config, predictors: number, valCount: number): MiproSettings {
  const zeroShot = config.max_bootstrapped_demos === 0 && config.max_labeled_demos === 0;
  const auto = config.auto === null ? undefined : AUTO_RUN_SETTINGS[config.auto];
  // The refinement guarantees num_candidates when auto is null.
  const n = config.num_candidates ?? auto?.n ?? 1;
  const numInstructions = auto && config.num_candidates === undefined ? (zeroShot ? n : Math.floor(n * 0.5)) : n;
  const valSize = Math.min(valCount, auto ? auto.valSize : valCount);
  const minibatch = config.minibatch && (!auto || valSize > MIN_MINIBATCH_VALSET) && valSize > config.minibatch_size;
  return {
    zeroShot,
    numInstructions: Math.max(1, numInstructions),
    numDemoSets: n,
    numTrials: config.num_trials ?? trialsFor(predictors, zeroShot, n),
    valSize,
    minibatch,
    bootstrapDemos: zeroShot ? 3 : config.max_bootstrapped_demos,
    labeledDemos: zeroShot ? 0 : config.max_labeled_demos,
  };
}

export interface MiproCallCounts {
  fullEvaluations: number;
  evaluationRuns: number;
  bootstrapRuns: number;
  promptCalls: number;
  proposals: number;
}

export function countCalls(config: Miprov2Config, settings: MiproSettings, train: number, predictors: number): MiproCallCounts {
  const { numTrials, valSize, minibatch } = settings;
  const fullEvaluations = 1 + (minibatch ? Math.ceil(numTrials / config.minibatch_full_eval_steps) : numTrials);
  const evaluationRuns = valSize * fullEvaluations + (minibatch ? config.minibatch_size * numTrials : 0);
  // Set −3 (zero-shot) needs no runs, nor does −2 when it holds labeled demos (without them it is
  // one more shuffled set); every other set bootstraps over at most the whole train set.
  const bootstrapping = Math.max(0, settings.numDemoSets - 1 - (settings.labeledDemos > 0 ? 1 : 0));
  const bootstrapRuns = settings.bootstrapDemos > 0 ? bootstrapping * train : 0;
  const proposals = Math.max(0, proposalsPerPredictor(settings.numInstructions, settings.numDemoSets) - 1);
  const promptCalls = datasetSummaryCalls(train, config.view_data_batch_size) + 3 * predictors * proposals;
  return { fullEvaluations, evaluationRuns, bootstrapRuns, promptCalls, proposals };
}
