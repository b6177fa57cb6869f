import type { Example } from '../core/data/types';
import { evaluate } from '../core/evaluate/evaluate';
import type { EvaluationResult, Metric } from '../core/evaluate/types';
import type { CacheStore } from '../core/lm/cache';
import { createLM } from '../core/lm/stack';
import type { LM } from '../core/lm/types';
import type { UsageMeter } from '../core/lm/usage';
import { compileProgram } from '../core/program/execute';
import type { ProgramServices } from '../core/program/services';
import type { ProgramGraph, ProgramState } from '../core/program/types';
import { isInputNode, isOutputNode } from '../core/program/types';
import type { EvaluationSummary, WorkerEventBody } from './protocol';
import { trialUsage } from '../core/optimize/context';

export interface EvaluateRunInput {
  graph: ProgramGraph;
  state: ProgramState;
  examples: Example[];
  metric: Metric;
  client: LM;
  cacheStore?: CacheStore;
  /** Hears every LM call, cached or not (the run's record of what it paid). */
  meter?: UsageMeter;
  services?: ProgramServices;
  /** The metric's settings (the custom metric's `{ code }`). */
  metricConfig?: Record<string, unknown>;
  concurrency: number;
  signal: AbortSignal;
  emit: (event: WorkerEventBody) => void;
  now?: () => number;
}

const PROGRESS_INTERVAL_MS = 150;

/** The evaluation's scores and its provider usage (core's trialUsage: cache hits cost nothing). */
export function summarize(result: EvaluationResult): EvaluationSummary {
  const { calls, cachedCalls, totalTokens } = trialUsage(result);
  return {
    score: result.score,
    examples: result.results.map((r) => ({ exampleId: r.exampleId, score: r.score, feedback: r.feedback, error: r.error })),
    errors: result.errors,
    calls,
    cachedCalls,
    totalTokens,
    ...(result.stopped ? { stopped: result.stopped } : {}),
  };
}

/** Scores the graph's own state on a set of examples with the project's metric. */
export async function evaluateGraph(input: EvaluateRunInput): Promise<EvaluationSummary> {
  const now = input.now ?? Date.now;
  const program = compileProgram(input.graph);
  const inputKeys = input.graph.nodes.find(isInputNode)?.fields.map((f) => f.name) ?? [];
  const fields = input.graph.nodes.find(isOutputNode)?.fields.map((f) => f.name) ?? [];
  const lm = createLM({ client: input.client, cacheStore: input.cacheStore, scheduler: { concurrency: input.concurrency }, meter: input.meter });
  const pick = (ex: Example) => Object.fromEntries(inputKeys.map((k) => [k, ex.data[k]]));
  // Every message crosses the worker boundary: a few per second is enough for a progress bar.
  let lastSent = -Infinity;
  const result = await evaluate((ex, signal) => program.run(input.state, pick(ex), { lm, signal, services: input.services }), input.examples, input.metric, {
    fields,
    concurrency: input.concurrency,
    signal: input.signal,
    metricContext: { lm, code: input.services?.code, config: input.metricConfig },
    onProgress: (p) => {
      const t = now();
      if (p.done < p.total && t - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = t;
      input.emit({ type: 'eval-progress', done: p.done, total: p.total, meanSoFar: p.meanSoFar });
    },
  });
  return summarize(result);
}
