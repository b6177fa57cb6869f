import type { Example } from '../data/types';
import { ZERO_USAGE } from '../lm/types';
import type { Prediction } from '../program/types';
import type {
  EvaluateOptions,
  EvaluationResult,
  EvaluationStop,
  ExampleResult,
  Metric,
  MetricContext,
  RunExample,
} from './types';

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_ERRORS = 10;

/**
 * Runs `run` on every example, at most `concurrency` (plus `lookahead`) at a time, and scores
 * each prediction with `metric`. As in DSPy, a failure — the prediction carries `error`, `run`
 * throws, or the metric throws — scores 0 (DSPy's failure_score) and counts as an error.
 *
 * Where DSPy raises once errors reach `max_errors`, we stop launching examples, let the ones
 * in flight finish, and resolve with what was scored and `stopped: 'max-errors'`: the caller
 * (an optimizer trial, the UI) keeps the partial results and the errors that explain them.
 * An abort resolves at once with `stopped: 'aborted'`; examples still in flight get the
 * signal and their late results are dropped. `score` is the mean over the scored examples.
 *
 * Never rejects, except when `onProgress` itself throws.
 */
export function evaluate(run: RunExample, examples: readonly Example[], metric: Metric, options: EvaluateOptions): Promise<EvaluationResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const width = concurrency + Math.max(0, Math.floor(options.lookahead ?? 0));
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const { signal, onProgress } = options;
  const ctx: MetricContext = { ...options.metricContext, fields: options.fields, signal: signal ?? options.metricContext?.signal };
  const total = examples.length;
  const slots = new Array<ExampleResult | undefined>(total);
  let launched = 0;
  let active = 0;
  let done = 0;
  let errors = 0;
  let sum = 0;
  let stopping: EvaluationStop | undefined;
  let settled = false;

  return new Promise<EvaluationResult>((resolve, reject) => {
    const finish = () => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      const results = slots.filter((r): r is ExampleResult => r !== undefined);
      const stopped = results.length < total ? stopping : undefined;
      resolve(summarize(results, errors, stopped));
    };
    const onAbort = () => {
      stopping = 'aborted';
      finish();
    };

    const record = (index: number, result: ExampleResult) => {
      active--;
      if (settled) return;
      slots[index] = result;
      done++;
      sum += result.score;
      if (result.error !== undefined) errors++;
      if (result.error !== undefined && errors >= maxErrors) stopping ??= 'max-errors';
      try {
        onProgress?.({ done, total, errors, meanSoFar: sum / done });
      } catch (error) {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
        return;
      }
      pump();
    };

    const pump = () => {
      while (!settled && stopping === undefined && active < width && launched < total) {
        const index = launched++;
        active++;
        void scoreExample(run, examples[index] as Example, metric, ctx, signal).then((result) => record(index, result));
      }
      if (active === 0 && (stopping !== undefined || launched === total)) finish();
    };

    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    pump();
  });
}

/** Never rejects: every way an example can fail becomes a scored failure. */
async function scoreExample(run: RunExample, example: Example, metric: Metric, ctx: MetricContext, signal?: AbortSignal): Promise<ExampleResult> {
  let prediction: Prediction;
  try {
    prediction = await run(example, signal);
  } catch (error) {
    const message = `the program threw: ${messageOf(error)}`;
    return { exampleId: example.id, prediction: failedPrediction(message), score: 0, feedback: message, error: message };
  }
  if (prediction.error !== undefined) {
    return { exampleId: example.id, prediction, score: 0, feedback: `the program failed: ${prediction.error}`, error: prediction.error };
  }
  try {
    const verdict = await metric.score(example.data, prediction.outputs, ctx);
    if (typeof verdict.score !== 'number' || !(verdict.score >= 0 && verdict.score <= 1)) {
      throw new Error(`returned score ${String(verdict.score)}, expected a number from 0 to 1`);
    }
    return { exampleId: example.id, prediction, score: verdict.score, ...(verdict.feedback === undefined ? {} : { feedback: verdict.feedback }) };
  } catch (error) {
    const message = `metric '${metric.id}' failed: ${messageOf(error)}`;
    return { exampleId: example.id, prediction, score: 0, feedback: message, error: message };
  }
}

function summarize(results: ExampleResult[], errors: number, stopped: EvaluationStop | undefined): EvaluationResult {
  const score = results.length === 0 ? 0 : results.reduce((s, r) => s + r.score, 0) / results.length;
  return { score, percent: Math.round(score * 100 * 100) / 100, results, errors, ...(stopped ? { stopped } : {}) };
}

function failedPrediction(error: string): Prediction {
  return { outputs: {}, trace: [], usage: ZERO_USAGE, savedUsage: ZERO_USAGE, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
