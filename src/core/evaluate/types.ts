import type { Example } from '../data/types';
import type { LM } from '../lm/types';
import type { Prediction } from '../program/types';
import type { CodeRunner } from '../sandbox/types';

/** A metric's verdict. `feedback` says what was expected and what came back (GEPA, SIMBA read it). */
export interface MetricResult {
  score: number;
  feedback?: string;
}

export interface MetricContext {
  /** The output fields to compare (the program's Output node fields that the example labels). */
  fields: string[];
  /** The judge's LM, for metrics that need one. */
  lm?: LM;
  signal?: AbortSignal;
  /** The sandbox for metrics written as code (the custom metric). */
  code?: CodeRunner;
  /** Metric-specific settings, e.g. `{ tolerance: 1e-6 }`. */
  config?: Record<string, unknown>;
}

export interface Metric {
  id: string;
  name: string;
  description: string;
  needsLM?: boolean;
  score(
    gold: Record<string, unknown>,
    pred: Record<string, unknown>,
    ctx: MetricContext,
  ): MetricResult | Promise<MetricResult>;
}

/** One example's outcome. A failure (program, metric or label) scores 0 and sets `error`. */
export interface ExampleResult {
  exampleId: string;
  prediction: Prediction;
  score: number;
  feedback?: string;
  error?: string;
}

export interface EvaluationProgress {
  done: number;
  total: number;
  errors: number;
  /** Mean score of the examples done so far (0 before any). */
  meanSoFar: number;
}

/** Why an evaluation ended before scoring every example. */
export type EvaluationStop = 'max-errors' | 'aborted';

export interface EvaluationResult {
  /** Mean score over `results`, 0..1. */
  score: number;
  /** `round(100 * score, 2)`, DSPy's `EvaluationResult.score`. */
  percent: number;
  /** The examples scored, in input order; fewer than the input when `stopped`. */
  results: ExampleResult[];
  errors: number;
  stopped?: EvaluationStop;
}

/** Runs the program on one example; should honour `signal`. */
export type RunExample = (example: Example, signal?: AbortSignal) => Promise<Prediction>;

export interface EvaluateOptions {
  /** The output fields to compare; passed to the metric as `ctx.fields`. */
  fields: string[];
  /** Examples in flight at once; default 8 (DSPy's num_threads). */
  concurrency?: number;
  /**
   * Examples started ahead of `concurrency`, default 0. When the runs share an LM scheduler with
   * `concurrency` slots, these wait in its queue with their request already built, so a freed
   * slot is taken at once instead of idling while the next example formats its prompt. The
   * scheduler still caps the calls in flight; results are the same, only sooner.
   */
  lookahead?: number;
  /** Stop launching examples once this many have failed; default 10 (DSPy's max_errors). */
  maxErrors?: number;
  signal?: AbortSignal;
  onProgress?: (progress: EvaluationProgress) => void;
  /** Extra metric context (the judge's `lm`, `config`); `fields` and `signal` come from here. */
  metricContext?: Partial<MetricContext>;
}
