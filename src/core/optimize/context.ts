import type { Example } from '../data/types';
import { evaluate } from '../evaluate/evaluate';
import type { EvaluationResult, Metric, MetricResult } from '../evaluate/types';
import type { FineTuner } from '../lm/finetune';
import type { Embedder, LM } from '../lm/types';
import type { UsageMeter } from '../lm/usage';
import type { CompiledProgram } from '../program/execute';
import type { ProgramServices } from '../program/services';
import { namedPredictors } from '../program/state';
import type { Prediction, ProgramState } from '../program/types';
import { isInputNode } from '../program/types';
import { Rng } from '../random';
import type { RunEvent, TrialRecord } from './events';
import type { OptimizerContext } from './types';

export interface ContextInit {
  program: CompiledProgram;
  baseline: ProgramState;
  trainset: Example[];
  valset: Example[];
  metric: Metric;
  metricConfig?: Record<string, unknown>;
  fields: string[];
  taskLM: LM;
  promptLM: LM;
  embedder?: Embedder;
  fineTuner?: FineTuner;
  services?: ProgramServices;
  meter: UsageMeter;
  seed: number;
  signal: AbortSignal;
  concurrency: number;
  emit: (event: RunEvent) => void;
  now: () => number;
  /** Called after every trial and every few examples, to refresh progress. */
  onActivity: () => void;
}

export interface Best {
  program: ProgramState;
  score: number;
  trialIndex: number;
}

export interface TrackedContext extends OptimizerContext {
  /** The best fully evaluated candidate so far (what a cancel or budget stop returns). */
  readonly best: Best | undefined;
  readonly trialCount: number;
}

/** Provider calls and tokens of an evaluation, from its traces (cache hits cost nothing). */
export function trialUsage(result: EvaluationResult): TrialRecord['usage'] {
  let calls = 0;
  let cachedCalls = 0;
  let totalTokens = 0;
  for (const r of result.results) {
    for (const step of r.prediction.trace) {
      for (const call of step.calls) {
        if (call.cached) cachedCalls++;
        else {
          calls++;
          totalTokens += call.usage.totalTokens;
        }
      }
    }
  }
  return { calls, cachedCalls, totalTokens };
}

export function createOptimizerContext(init: ContextInit): TrackedContext {
  const graph = init.program.graph;
  const inputKeys = graph.nodes.find(isInputNode)?.fields.map((f) => f.name) ?? [];
  const pickInputs = (example: Example) => Object.fromEntries(inputKeys.map((k) => [k, example.data[k]]));
  let best: Best | undefined;
  let trialCount = 0;
  const metricContext = { fields: init.fields, lm: init.promptLM, config: init.metricConfig, signal: init.signal, code: init.services?.code };

  const ctx: TrackedContext = {
    graph,
    program: init.program,
    baseline: init.baseline,
    predictors: namedPredictors(graph),
    trainset: init.trainset,
    valset: init.valset,
    metric: init.metric,
    fields: init.fields,
    inputKeys,
    taskLM: init.taskLM,
    promptLM: init.promptLM,
    embedder: init.embedder,
    fineTuner: init.fineTuner,
    rng: new Rng(init.seed),
    seed: init.seed,
    signal: init.signal,
    concurrency: init.concurrency,
    get best() {
      return best;
    },
    get trialCount() {
      return trialCount;
    },
    run(candidate, example, options = {}): Promise<Prediction> {
      return init.program.run(candidate, pickInputs(example), { lm: init.taskLM, signal: init.signal, rolloutId: options.rolloutId, temperature: options.temperature, services: init.services });
    },
    async score(example, prediction): Promise<MetricResult> {
      if (prediction.error) return { score: 0, feedback: `the program failed: ${prediction.error}` };
      try {
        return await init.metric.score(example.data, prediction.outputs, metricContext);
      } catch (error) {
        init.signal.throwIfAborted();
        return { score: 0, feedback: `the metric failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async evaluate(candidate, examples, options) {
      const started = init.now();
      let lastTick = started;
      const runExample = options.runExample;
      const run = runExample
        ? (ex: Example, signal?: AbortSignal) => runExample(ex, signal ?? init.signal)
        : (ex: Example, signal?: AbortSignal) => init.program.run(candidate, pickInputs(ex), { lm: init.taskLM, signal, services: init.services });
      const result = await evaluate(run, examples, init.metric, {
        fields: init.fields,
        concurrency: init.concurrency,
        // As many examples again wait at the task LM's slots, prompts built, so none idles between calls.
        lookahead: init.concurrency,
        // An optimizer scores every candidate fully: failures are low scores, not a reason to stop.
        maxErrors: Number.POSITIVE_INFINITY,
        signal: init.signal,
        metricContext,
        onProgress: () => {
          const t = init.now();
          if (t - lastTick > 250) {
            lastTick = t;
            init.onActivity();
          }
        },
      });
      init.signal.throwIfAborted();
      if (options.record === false) return { result };
      const trial = ctx.recordTrial(candidate, result, { ...options, elapsedMs: init.now() - started, ownScore: !runExample });
      return { result, trial };
    },
    recordTrial(candidate, result, options) {
      const trial: TrialRecord = {
        index: trialCount++,
        label: options.label,
        candidate,
        score: result.score,
        subset: options.subset,
        examples: result.results.map((r) => ({ exampleId: r.exampleId, score: r.score, feedback: r.feedback, error: r.error })),
        usage: trialUsage(result),
        elapsedMs: options.elapsedMs,
      };
      init.emit({ type: 'trial', trial });
      if (options.subset === 'full' && options.ownScore !== false && (!best || trial.score > best.score)) {
        best = { program: candidate, score: trial.score, trialIndex: trial.index };
        init.emit({ type: 'best', trialIndex: trial.index, score: trial.score, candidate });
      }
      init.onActivity();
      return trial;
    },
    log(message, level = 'info') {
      init.emit({ type: 'log', level, message });
    },
    emit: init.emit,
  };
  return ctx;
}
