import { chatAdapter } from '../adapters/chat';
import type { Example } from '../data/types';
import type { Metric } from '../evaluate/types';
import type { CacheStore } from '../lm/cache';
import { costOf, DEFAULT_PRICES, type PriceTable } from '../lm/prices';
import { createLM } from '../lm/stack';
import type { FineTuner } from '../lm/finetune';
import type { Embedder, LM } from '../lm/types';
import { UsageMeter } from '../lm/usage';
import { compileProgram } from '../program/execute';
import type { ProgramServices } from '../program/services';
import { namedPredictors, programState } from '../program/state';
import type { ProgramGraph, ProgramState } from '../program/types';
import { createBudgetGuard, type Budget, type BudgetSpent } from './budget';
import { createOptimizerContext, type Best } from './context';
import type { CompileResult, Plan, RunEvent, StopReason } from './events';
import { getOptimizer } from './registry';
import { withEmbeddingUsage } from '../retrieve/embedder-stack';
import type { CallPlan, DataSizes } from './types';

export interface RunSpec {
  optimizer: string;
  /** DSPy-style parameters; validated and defaulted by the optimizer's schema. */
  config?: Record<string, unknown>;
  graph: ProgramGraph;
  trainset: Example[];
  /** The optimizer's validation set; the train set when omitted (as DSPy). */
  valset?: Example[];
  /** Held-out examples scored before and after, never seen by the optimizer. */
  devset?: Example[];
  metric: Metric;
  metricConfig?: Record<string, unknown>;
  /** Output fields to compare; defaults to the Output node's fields. */
  fields?: string[];
  seed: number;
  concurrency?: number;
  budget?: Budget;
  /** A resumed run: what its earlier sessions spent, counted against `budget`. */
  spent?: BudgetSpent;
}

export interface RunHost {
  /** The provider transport for the task model (bottom of the LM stack). */
  taskClient: LM;
  /** The proposer / reflection model's transport; the task model when omitted. */
  promptClient?: LM;
  /**
   * The provider's embeddings endpoint (KNNFewShot, embedding search). The run meters it and
   * checks its budget before each request; the host puts it behind its pause gate.
   */
  embedder?: Embedder;
  /** The provider's fine-tuning API, for BootstrapFinetune. Jobs are not LM calls: the call budget does not cover them. */
  fineTuner?: FineTuner;
  cacheStore?: CacheStore;
  prices?: PriceTable;
  /**
   * Retrievers and the code sandbox for Retrieve, ReAct and Code nodes. As a function it is
   * given the run's embedder (metered and budgeted) for embedding search to use.
   */
  services?: ProgramServices | ((embedder: Embedder | undefined) => ProgramServices | Promise<ProgramServices>);
  emit: (event: RunEvent) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export type RunOutcome =
  | { status: 'finished'; result: CompileResult }
  | { status: 'cancelled'; best?: Best }
  | { status: 'failed'; error: string; best?: Best };

const OUTPUT_TOKENS_PER_CALL = 60;

/** Tokens per call estimated from the baseline's prompt on the first train example. */
function estimatePlan(calls: CallPlan, graph: ProgramGraph, state: ProgramState, example: Example | undefined, taskModel: string, promptModel: string, prices: PriceTable): Plan {
  const first = namedPredictors(graph)[0];
  const s = first ? state[first.name] : undefined;
  const promptChars = s && example ? chatAdapter.format(s.signature, s.demos, example.data).reduce((n, m) => n + m.content.length, 0) : 2000;
  const promptTokens = Math.ceil(promptChars / 4);
  const perCall = { promptTokens, completionTokens: OUTPUT_TOKENS_PER_CALL, totalTokens: promptTokens + OUTPUT_TOKENS_PER_CALL };
  const scale = (n: number) => ({ promptTokens: perCall.promptTokens * n, completionTokens: perCall.completionTokens * n, totalTokens: perCall.totalTokens * n });
  const taskCost = costOf(taskModel, scale(calls.taskCalls), prices);
  const promptCost = costOf(promptModel, scale(calls.promptCalls), prices);
  return {
    ...calls,
    estimatedTokens: perCall.totalTokens * (calls.taskCalls + calls.promptCalls),
    estimatedCost: taskCost === undefined || promptCost === undefined ? undefined : taskCost + promptCost,
    notes: [...calls.notes, `≈${perCall.totalTokens} tokens per call, from the baseline prompt's length`],
  };
}

/** The plan for a spec without running it (the launch dialog and `--dry-run` show it). */
export function planRun(spec: RunSpec, taskModel: string, promptModel = taskModel, prices: PriceTable = DEFAULT_PRICES): Plan {
  const optimizer = getOptimizer(spec.optimizer);
  if (!optimizer) throw new Error(`unknown optimizer '${spec.optimizer}'`);
  const config = optimizer.config.parse(spec.config ?? {});
  const sizes: DataSizes = { train: spec.trainset.length, val: (spec.valset ?? spec.trainset).length, predictors: namedPredictors(spec.graph).length };
  const calls = optimizer.plan(config, sizes);
  const dev = spec.devset?.length ?? 0;
  const withDev: CallPlan = dev > 0 ? { ...calls, taskRuns: calls.taskRuns + 2 * dev, taskCalls: calls.taskCalls + 2 * dev * sizes.predictors, notes: [...calls.notes, `${2 * dev} runs to score the baseline and the result on the dev set`] } : calls;
  return estimatePlan(withDev, spec.graph, programState(spec.graph), spec.trainset[0], taskModel, promptModel, prices);
}

function configError(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues) return error instanceof Error ? error.message : String(error);
  return issues.map((i) => `config ${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Runs one optimization: validates the config, emits the plan, scores the baseline on dev,
 * compiles, scores the result on dev, and ends with exactly one of finished, cancelled or failed.
 * A budget stop finishes with the best fully evaluated candidate so far.
 */
export async function runOptimizer(spec: RunSpec, host: RunHost): Promise<RunOutcome> {
  const emit = host.emit;
  const now = host.now ?? (() => performance.now());
  const optimizer = getOptimizer(spec.optimizer);
  if (!optimizer) return fail(`unknown optimizer '${spec.optimizer}'`);
  let config: unknown;
  try {
    config = optimizer.config.parse(spec.config ?? {});
  } catch (error) {
    return fail(configError(error));
  }
  if (spec.trainset.length < optimizer.minTrainSize) {
    return fail(`${optimizer.name} needs at least ${optimizer.minTrainSize} training examples (got ${spec.trainset.length})`);
  }
  let program;
  try {
    program = compileProgram(spec.graph);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(host.signal?.reason);
  host.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (host.signal?.aborted) controller.abort(host.signal.reason);
  const meter = new UsageMeter(host.prices ?? DEFAULT_PRICES);
  const guard = createBudgetGuard(spec.budget ?? {}, meter, () => controller.abort(new Error('budget')), spec.spent);
  const scheduler = { concurrency: spec.concurrency ?? 8 };
  const taskLM: LM = createLM({ client: guard.wrap(host.taskClient), cacheStore: host.cacheStore, scheduler, meter });
  const promptLM: LM = host.promptClient ? createLM({ client: guard.wrap(host.promptClient), cacheStore: host.cacheStore, scheduler, meter }) : taskLM;
  const embedder = host.embedder && withEmbeddingUsage(guard.wrapEmbedder(host.embedder), meter);
  let services: ProgramServices | undefined;
  try {
    services = typeof host.services === 'function' ? await host.services(embedder) : host.services;
  } catch (error) {
    host.signal?.removeEventListener('abort', onOuterAbort);
    return fail(error instanceof Error ? error.message : String(error));
  }

  const baseline = programState(spec.graph);
  const valset = spec.valset && spec.valset.length > 0 ? spec.valset : spec.trainset;
  const fields = spec.fields ?? spec.graph.nodes.flatMap((n) => (n.type === 'Output' && 'fields' in n ? n.fields.map((f) => f.name) : []));
  const plan = planRun(spec, host.taskClient.model, (host.promptClient ?? host.taskClient).model, host.prices);
  const started = now();
  const totalPlanned = Math.max(1, plan.taskCalls + plan.promptCalls);
  const reportProgress = () => {
    const t = meter.totals();
    const fraction = Math.min(1, guard.callsStarted / totalPlanned);
    const elapsed = now() - started;
    emit({
      type: 'progress',
      progress: {
        calls: t.calls - t.cachedCalls,
        cachedCalls: t.cachedCalls,
        tokens: t.spent.totalTokens,
        cost: t.spent.cost,
        savedTokens: t.saved.totalTokens,
        savedCost: t.saved.cost,
        fraction,
        etaMs: fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : undefined,
      },
    });
  };
  const ctx = createOptimizerContext({
    program, baseline, trainset: spec.trainset, valset, metric: spec.metric, metricConfig: spec.metricConfig, fields,
    taskLM, promptLM, embedder, fineTuner: host.fineTuner, services, meter, seed: spec.seed, signal: controller.signal, concurrency: scheduler.concurrency, emit, now, onActivity: reportProgress,
  });
  const devScore = async (state: ProgramState) =>
    spec.devset && spec.devset.length > 0 ? (await ctx.evaluate(state, spec.devset, { label: 'dev', subset: 'full', record: false })).result.score : undefined;

  emit({ type: 'started', optimizer: optimizer.id, seed: spec.seed, plan });
  try {
    // The baseline's dev score does not depend on the optimizer: score it alongside the compile
    // so the two share the concurrency slots instead of waiting on each other's stragglers.
    const baselinePending = devScore(baseline);
    baselinePending.catch(() => undefined); // a cancel rejects both; the compile's error is the one reported
    const outcome = await optimizer.compile(ctx, config);
    const baselineDevScore = await baselinePending;
    const finalDevScore = await devScore(outcome.program);
    return finish(outcome.program, outcome.score, outcome.stopReason ?? 'completed', baselineDevScore, finalDevScore);
  } catch (error) {
    if (guard.reason) {
      ctx.log(`stopped: ${guard.reason}; returning the best candidate so far`, 'warn');
      const best = ctx.best;
      return finish(best?.program ?? baseline, best?.score ?? 0, 'budget');
    }
    if (controller.signal.aborted) {
      emit({ type: 'cancelled', best: ctx.best && { program: ctx.best.program, score: ctx.best.score } });
      return { status: 'cancelled', best: ctx.best };
    }
    return fail(error instanceof Error ? error.message : String(error), ctx.best);
  } finally {
    host.signal?.removeEventListener('abort', onOuterAbort);
  }

  function finish(programState: ProgramState, score: number, stopReason: StopReason, baselineDevScore?: number, finalDevScore?: number): RunOutcome {
    reportProgress();
    const result: CompileResult = { program: programState, score, baselineDevScore, finalDevScore, stopReason, usage: meter.totals(), trials: ctx.trialCount };
    emit({ type: 'finished', result });
    return { status: 'finished', result };
  }

  function fail(error: string, best?: Best): RunOutcome {
    emit({ type: 'failed', error, best: best && { program: best.program, score: best.score } });
    return { status: 'failed', error, best };
  }
}
