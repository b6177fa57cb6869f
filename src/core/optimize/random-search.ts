import { z } from 'zod';
import type { EvaluationResult, ExampleResult } from '../evaluate/types';
import type { ProgramState } from '../program/types';
import { createDemoSet, demoSetSeeds } from './bootstrap';
import { bootstrapParams, bootstrapRunRange } from './bootstrap-fewshot';
import type { StopReason } from './events';
import type { CallPlan, DataSizes, Optimizer, OptimizerContext } from './types';

export const randomSearchParams = {
  ...bootstrapParams,
  num_candidate_programs: z.number().int().min(1).max(64).default(16).describe('Shuffled bootstrap candidates, tried after zero-shot, labeled-only and unshuffled'),
  stop_at_score: z.number().min(0).max(100).optional().describe("Stop once a candidate reaches this val score, in percent as DSPy's Evaluate reports it"),
};

export const randomSearchConfig = z.object(randomSearchParams);

export type RandomSearchConfig = z.infer<typeof randomSearchConfig>;

export interface ScoredCandidate {
  /** DSPy's candidate seed: −3 zero-shot, −2 labeled only, −1 unshuffled, s ≥ 0 shuffled. */
  seed: number;
  label: string;
  program: ProgramState;
  score: number;
  /** Per val example, in val order (the Ensemble reuses them). */
  results: ExampleResult[];
}

export interface SearchOutcome {
  best: ScoredCandidate;
  /** Every candidate scored, best first (ties keep the earlier one first), as DSPy's candidate_programs. */
  candidates: ScoredCandidate[];
  stopReason: StopReason;
}

export function planRandomSearch(config: RandomSearchConfig, sizes: DataSizes): CallPlan {
  const n = config.num_candidate_programs;
  const bootstrapRuns = (n + 1) * bootstrapRunRange(config, sizes.train).max;
  const evalRuns = (n + 3) * sizes.val;
  return {
    taskRuns: bootstrapRuns + evalRuns,
    taskCalls: (bootstrapRuns + evalRuns) * sizes.predictors,
    promptCalls: 0,
    notes: [
      `up to ${bootstrapRuns} bootstrap runs: ${n + 1} bootstrapped candidates × at most ${sizes.train} train examples × ${config.max_rounds} round(s); repeated prompts hit the cache`,
      `${evalRuns} runs to score ${n + 3} candidates on the val set (${sizes.val} each)`,
    ],
  };
}

function labelFor(seed: number, program: ProgramState): string {
  const demos = Object.values(program)[0]?.demos ?? [];
  const augmented = demos.filter((d) => d.augmented).length;
  if (seed === -3) return 'zero-shot';
  if (seed === -2 && augmented === 0) return `labeled only (${demos.length} demos)`;
  if (seed === -1) return `bootstrap, unshuffled (${augmented} + ${demos.length - augmented} labeled)`;
  return `seed ${seed} (${augmented} + ${demos.length - augmented} labeled)`;
}

/** Candidates built and scored at the same time (see searchCandidates). */
const PARALLEL_CANDIDATES = 3;

interface Built {
  seed: number;
  program: ProgramState;
  result: EvaluationResult;
  elapsedMs: number;
}

async function build(ctx: OptimizerContext, options: Parameters<typeof createDemoSet>[1], seed: number): Promise<Built> {
  const started = Date.now();
  const program = await createDemoSet(ctx, options, seed);
  const { result } = await ctx.evaluate(program, ctx.valset, { label: `seed ${seed}`, subset: 'full', record: false });
  return { seed, program, result, elapsedMs: Date.now() - started };
}

/**
 * DSPy's BootstrapFewShotWithRandomSearch loop, shared with Ensemble: builds each candidate
 * (bootstrap.ts's seed scheme), scores it on the val set as a full trial, keeps the best with a
 * strict `>`, and stops early at `stop_at_score`.
 */
export async function searchCandidates(ctx: OptimizerContext, config: RandomSearchConfig): Promise<SearchOutcome> {
  const scored: ScoredCandidate[] = [];
  let best: ScoredCandidate | undefined;
  let stopReason: StopReason = 'completed';
  const setOptions = {
    student: ctx.baseline,
    trainset: ctx.trainset,
    maxBootstrappedDemos: config.max_bootstrapped_demos,
    maxLabeledDemos: config.max_labeled_demos,
    maxRounds: config.max_rounds,
    maxErrors: config.max_errors,
    metricThreshold: config.metric_threshold,
    seed: ctx.seed,
  };
  const seeds = demoSetSeeds(config.num_candidate_programs + 3);
  // Candidates are independent, so a few are built and scored at once: the shared scheduler keeps
  // every slot busy instead of idling on one candidate's stragglers. Trials are still recorded in
  // seed order, so runs stay deterministic. stop_at_score keeps DSPy's one-at-a-time order, so no
  // call is spent on candidates after the one that stops the search.
  const width = config.stop_at_score === undefined ? PARALLEL_CANDIDATES : 1;
  const pending = new Map<number, Promise<Built>>();
  let next = 0;
  const launch = () => {
    if (next >= seeds.length) return;
    const i = next++;
    const task = build(ctx, setOptions, seeds[i] as number);
    task.catch(() => undefined); // awaited below, in order; this only silences the early rejection
    pending.set(i, task);
    // In parallel mode a finished candidate frees its place at once; one at a time, the loop
    // below launches the next only after checking stop_at_score.
    if (width > 1) void task.then(launch, () => undefined);
  };
  for (let k = 0; k < width; k++) launch();
  for (let i = 0; i < seeds.length; i++) {
    const { seed, program, result, elapsedMs } = await (pending.get(i) as Promise<Built>);
    pending.delete(i);
    if (width === 1 && !(config.stop_at_score !== undefined && result.percent >= config.stop_at_score)) launch();
    const label = labelFor(seed, program);
    ctx.recordTrial(program, result, { label, subset: 'full', elapsedMs });
    const candidate: ScoredCandidate = { seed, label, program, score: result.score, results: result.results };
    scored.push(candidate);
    if (!best || candidate.score > best.score) {
      best = candidate;
      ctx.log(`new best ${result.percent}% from ${label}`);
    }
    if (config.stop_at_score !== undefined && result.percent >= config.stop_at_score) {
      ctx.log(`stopping early: ${label} scored ${result.percent}% ≥ stop_at_score ${config.stop_at_score}`);
      stopReason = 'stop-at-score';
      break;
    }
  }
  // demoSetSeeds always yields at least the three fixed seeds, so `best` is set.
  const winner = best as ScoredCandidate;
  const candidates = scored.map((c, i) => ({ c, i })).sort((a, b) => b.c.score - a.c.score || a.i - b.i).map(({ c }) => c);
  return { best: winner, candidates, stopReason };
}

/** DSPy's BootstrapFewShotWithRandomSearch. */
export const randomSearch: Optimizer<RandomSearchConfig> = {
  id: 'random-search',
  name: 'BootstrapFewShotWithRandomSearch',
  description: 'Tries zero-shot, labeled-only and many bootstrapped demo sets (shuffled train, random demo count) and keeps the best on the val set.',
  config: randomSearchConfig,
  minTrainSize: 1,
  usesPromptModel: false,
  plan: planRandomSearch,
  async compile(ctx, config) {
    const outcome = await searchCandidates(ctx, config);
    ctx.log(`${outcome.candidates.length} candidates scored; best: ${outcome.best.label}`);
    return { program: outcome.best.program, score: outcome.best.score, stopReason: outcome.stopReason };
  },
};
