import type { LM } from '../lm/types';

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
