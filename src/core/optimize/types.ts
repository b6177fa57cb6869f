import type { z } from 'zod';
import type { Example } from '../data/types';
import type { EvaluationResult, Metric, MetricResult } from '../evaluate/types';
import type { FineTuner } from '../lm/finetune';
import type { Embedder, LM } from '../lm/types';
import type { CompiledProgram } from '../program/execute';
import type { NamedPredictor } from '../program/state';
import type { Prediction, ProgramGraph, ProgramState } from '../program/types';
import type { Rng } from '../random';
import type { Plan, RunEvent, StopReason, TrialRecord, TrialSubset } from './events';

export type CallPlan = Omit<Plan, 'estimatedTokens' | 'estimatedCost'>;

export interface DataSizes {
  train: number;
  val: number;
  predictors: number;
}

export interface RunExampleOptions {
  /** Fresh-sample id: a distinct request (and cache entry) at the same prompt. */
  rolloutId?: number;
  temperature?: number;
}

export interface EvaluateCandidateOptions {
  label: string;
  subset: TrialSubset;
  /** Record a trial event (default true). Internal scoring passes false. */
  record?: boolean;
  /**
   * Runs each example some other way than `candidate` alone: an evaluation-time combinator such
   * as Ensemble's majority vote. The trial still shows `candidate`, but never becomes the
   * best-so-far, since the score is not that program's own.
   */
  runExample?: (example: Example, signal: AbortSignal) => Promise<Prediction>;
}

/**
 * Everything an optimizer may use. Host capabilities (LMs, randomness, clock, events) come in
 * here; optimizers never build their own (STYLE.md 5).
 */
export interface OptimizerContext {
  readonly graph: ProgramGraph;
  readonly program: CompiledProgram;
  /** The program's starting state (the graph's own instructions and demos). */
  readonly baseline: ProgramState;
  readonly predictors: NamedPredictor[];
  readonly trainset: Example[];
  /** The optimizer's validation set; DSPy defaults it to the train set. */
  readonly valset: Example[];
  readonly metric: Metric;
  /** Output fields the metric compares. */
  readonly fields: string[];
  /** Program input names (the Input node's fields). */
  readonly inputKeys: string[];
  readonly taskLM: LM;
  /** The proposer / reflection model; the task LM when none is set. */
  readonly promptLM: LM;
  /** The provider's embeddings endpoint (KNNFewShot), when the host has one. */
  readonly embedder?: Embedder;
  /** The provider's fine-tuning API (BootstrapFinetune), when the host has one. */
  readonly fineTuner?: FineTuner;
  readonly rng: Rng;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly concurrency: number;
  /** Runs the program with a candidate state on one example. Aborts propagate. */
  run(candidate: ProgramState, example: Example, options?: RunExampleOptions): Promise<Prediction>;
  /** Scores one prediction with the run's metric (failures score 0 with the reason as feedback). */
  score(example: Example, prediction: Prediction): Promise<MetricResult>;
  /** Evaluates a candidate; by default records it as a trial and updates the best-so-far. */
  evaluate(candidate: ProgramState, examples: Example[], options: EvaluateCandidateOptions): Promise<{ result: EvaluationResult; trial?: TrialRecord }>;
  /**
   * Records an evaluation made with `record: false` as a trial. Optimizers that score several
   * candidates at once call it in candidate order, so trial indices stay deterministic.
   * `ownScore: false` keeps it out of the best-so-far (a combinator's score, e.g. an ensemble).
   */
  recordTrial(candidate: ProgramState, result: EvaluationResult, options: { label: string; subset: TrialSubset; elapsedMs: number; ownScore?: boolean }): TrialRecord;
  log(message: string, level?: 'info' | 'warn'): void;
  emit(event: RunEvent): void;
}

export interface OptimizerOutcome {
  program: ProgramState;
  /** The returned program's score on the validation set (0..1). */
  score: number;
  stopReason?: StopReason;
}

/**
 * An optimizer: one file each, registered once (STYLE.md 2). Its zod schema accepts DSPy's
 * parameter names and fills DSPy's defaults, so a DSPy user's settings carry over.
 */
export interface Optimizer<Config = Record<string, unknown>> {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly config: z.ZodType<Config>;
  /** Fewest training examples the algorithm needs. */
  readonly minTrainSize: number;
  /** Whether it calls the prompt model (proposals, reflection). */
  readonly usesPromptModel: boolean;
  /** The calls the run will make, before it starts (the runner adds tokens and cost). */
  plan(config: Config, sizes: DataSizes): CallPlan;
  compile(ctx: OptimizerContext, config: Config): Promise<OptimizerOutcome>;
}
