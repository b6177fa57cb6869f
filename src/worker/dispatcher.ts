import { getMetric } from '../core/evaluate/metrics/registry';
import type { Metric } from '../core/evaluate/types';
import type { CacheStore } from '../core/lm/cache';
import type { ProgramServices } from '../core/program/services';
import type { BudgetSpent } from '../core/optimize/budget';
import { runOptimizer } from '../core/optimize/runner';
import { programState } from '../core/program/state';
import { execute } from '../core/program/execute';
import { createLM } from '../core/lm/stack';
import { createAdaptiveLimit, withFlowControl, type PauseGate } from '../core/lm/scheduler-flow';
import type { Embedder, LM } from '../core/lm/types';
import { UsageMeter } from '../core/lm/usage';
import { withEmbeddingGate, withEmbeddingUsage } from '../core/retrieve/embedder-stack';
import { clientFor, fineTunerFor, pricesFor } from './clients';
import { evaluateGraph } from './evaluate-run';
import type { EvaluateCommand, OptimizeCommand, ReplayRequest, ReplayResult, RunCommand, RunLocks, RunPersistence, RunRow, RunWorkerApi, WorkerEvent, WorkerEventBody } from './protocol';
import { commandFromStored, storedCommand, type StartCommand } from './resume';

const SPENT_SAVE_INTERVAL_MS = 1000;
const NOTHING_SPENT: BudgetSpent = { calls: 0, tokens: 0, cost: 0 };

/** What earlier attempts paid plus this attempt's; the cost stays unknown once either part's is. */
function addSpent(before: BudgetSpent, now: BudgetSpent): BudgetSpent {
  return { calls: before.calls + now.calls, tokens: before.tokens + now.tokens, cost: before.cost !== undefined && now.cost !== undefined ? before.cost + now.cost : undefined };
}

export interface DispatcherDeps {
  persistence: RunPersistence;
  cacheStore?: CacheStore;
  /**
   * Retrievers and the code sandbox for a run's graph; none when omitted. A run passes its
   * embedder (metered; budgeted too in an optimize run; behind the gate) for embedding search.
   */
  services?: (command: OptimizeCommand | EvaluateCommand | ReplayRequest, embedder?: Embedder) => ProgramServices | Promise<ProgramServices>;
  now?: () => number;
  /** One tab per run (Web Locks in the browser); without it every run may start. */
  locks?: RunLocks;
  /** Closed while offline: calls wait instead of failing, and go on when it reopens. */
  gate?: PauseGate;
  /** The host's hook for `setOnline` (it pauses or resumes the gate). */
  onlineChanged?: (online: boolean) => void;
}

/** The trials a resumed run already stored: replayed from the cache, they are not written twice. */
type Resumed = ReadonlySet<number> | undefined;

function metricOf(id: string): Metric {
  const metric = getMetric(id);
  if (!metric) throw new Error(`unknown metric '${id}' in the project settings`);
  return metric;
}

function runModels(command: OptimizeCommand | EvaluateCommand) {
  return {
    taskModel: command.provider.taskModel,
    promptModel: command.provider.promptModel ?? command.provider.taskModel,
    ...(command.datasetId ? { datasetId: command.datasetId } : {}),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The worker's whole job: dispatch a command to core, forward its events, and persist the run
 * and every trial as they happen. Writes are chained so a trial never lands after its run's end.
 */
export function createRunDispatcher(deps: DispatcherDeps): RunWorkerApi {
  const now = deps.now ?? Date.now;
  const running = new Map<string, AbortController>();

  /** The run's transports behind the pause gate and one adaptive limit shared by its models. */
  function flowFor(command: StartCommand): (client: LM) => LM {
    const limit = createAdaptiveLimit({ max: Math.max(1, Math.floor(command.concurrency)) });
    return (client) => withFlowControl(client, { gate: deps.gate, limit });
  }

  async function start(command: StartCommand, kind: 'optimize' | 'evaluate', resumed: Resumed, fields: Pick<RunRow, 'optimizer' | 'config' | 'seed' | 'startedAt'>) {
    if (resumed) {
      const previous = await deps.persistence.getRun(command.runId);
      await deps.persistence.updateRun(command.runId, { status: 'running', resumes: (previous?.resumes ?? 0) + 1, error: undefined, finishedAt: undefined });
      return;
    }
    await deps.persistence.createRun({ id: command.runId, projectId: command.projectId, kind, ...fields, status: 'running', command: storedCommand(command), ...runModels(command) }, command.graph);
  }

  function writer(runId: string, send: (event: WorkerEventBody) => void) {
    let chain: Promise<void> = Promise.resolve();
    return {
      write(task: () => Promise<void>) {
        chain = chain.then(task).catch((error: unknown) => send({ type: 'log', level: 'warn', message: `could not save run ${runId}: ${message(error)}` }));
      },
      flush: () => chain,
    };
  }

  async function optimize(command: OptimizeCommand, send: (event: WorkerEventBody) => void, signal: AbortSignal, resumed?: Resumed, spent?: BudgetSpent) {
    const { runId, provider } = command;
    const store = writer(runId, send);
    const metric = metricOf(command.metricId);
    await start(command, 'optimize', resumed, { optimizer: command.optimizer, config: command.config, seed: command.seed, startedAt: now() });
    const flow = flowFor(command);
    const taskOpenAI = clientFor(provider, provider.taskModel);
    const taskClient = flow(taskOpenAI);
    const promptClient = provider.promptModel && provider.promptModel !== provider.taskModel ? flow(clientFor(provider, provider.promptModel)) : undefined;
    const before = spent ?? NOTHING_SPENT;
    let lastSpentSave = -Infinity;
    /** What this attempt paid, on top of earlier attempts', as of the latest progress event. */
    let latest: BudgetSpent | undefined;
    // The run's end saves the last figure, which the once-a-second saves may have skipped.
    const final = () => (latest ? { spent: latest } : {});
    const emit = (event: WorkerEventBody) => {
      send(event);
      switch (event.type) {
        case 'progress': {
          const p = event.progress;
          latest = addSpent(before, { calls: p.calls, tokens: p.tokens, cost: p.cost });
          // Saved about once a second.
          const t = now();
          if (t - lastSpentSave < SPENT_SAVE_INTERVAL_MS) return;
          lastSpentSave = t;
          const total = latest;
          store.write(() => deps.persistence.updateRun(runId, { spent: total }));
          return;
        }
        case 'started':
          store.write(() => deps.persistence.updateRun(runId, { plan: event.plan }));
          return;
        case 'trial':
          // Same seed, same cache: a resumed run repeats its trials with the same indexes.
          if (!resumed?.has(event.trial.index)) store.write(() => deps.persistence.addTrial(runId, event.trial));
          return;
        case 'finished':
          store.write(() =>
            deps.persistence.updateRun(runId, { status: 'finished', finishedAt: now(), score: event.result.finalDevScore ?? event.result.score, baselineScore: event.result.baselineDevScore, program: event.result.program, ...final() }),
          );
          return;
        case 'failed':
          store.write(() => deps.persistence.updateRun(runId, { status: 'failed', finishedAt: now(), error: event.error, ...final(), ...(event.best ? { program: event.best.program, score: event.best.score } : {}) }));
          return;
        case 'cancelled':
          store.write(() => deps.persistence.updateRun(runId, { status: 'cancelled', finishedAt: now(), ...final(), ...(event.best ? { program: event.best.program, score: event.best.score } : {}) }));
          return;
        default:
          return;
      }
    };
    await runOptimizer(
      {
        optimizer: command.optimizer, config: command.config, graph: command.graph, trainset: command.trainset, valset: command.valset, devset: command.devset,
        metric, metricConfig: command.metricConfig, seed: command.seed, concurrency: command.concurrency, budget: command.budget, spent,
      },
      // The task client also serves embeddings (KNNFewShot); fine-tuning goes to the same provider.
      {
        taskClient, promptClient, embedder: withEmbeddingGate(taskOpenAI, deps.gate), fineTuner: fineTunerFor(provider),
        services: (embedder) => deps.services?.(command, embedder) ?? {}, cacheStore: deps.cacheStore, prices: pricesFor(provider), emit, signal,
      },
    );
    await store.flush();
  }

  async function evaluateRun(command: EvaluateCommand, send: (event: WorkerEventBody) => void, signal: AbortSignal, resumed?: Resumed, spent?: BudgetSpent) {
    const { runId } = command;
    const started = now();
    const label = `evaluate ${command.split}`;
    const metric = metricOf(command.metricId);
    await start(command, 'evaluate', resumed, { optimizer: 'evaluate', config: { split: command.split }, seed: 0, startedAt: started });
    const state = programState(command.graph);
    // LM calls and embedding requests (a Retrieve node's embedding search) are metered together:
    // the run records what it paid, as an optimize run does, on top of what earlier attempts paid.
    const meter = new UsageMeter(pricesFor(command.provider));
    const taskOpenAI = clientFor(command.provider, command.provider.taskModel);
    const embedder = withEmbeddingUsage(withEmbeddingGate(taskOpenAI, deps.gate), meter);
    const paid = (): { spent: BudgetSpent } => {
      const t = meter.totals();
      return { spent: addSpent(spent ?? NOTHING_SPENT, { calls: t.calls - t.cachedCalls, tokens: t.spent.totalTokens, cost: t.spent.cost }) };
    };
    try {
      const summary = await evaluateGraph({
        graph: command.graph, state, examples: command.examples, metric, client: flowFor(command)(taskOpenAI), meter,
        cacheStore: deps.cacheStore, services: await deps.services?.(command, embedder), metricConfig: command.metricConfig, concurrency: command.concurrency, signal, emit: send,
      });
      if (signal.aborted) {
        await deps.persistence.updateRun(runId, { status: 'cancelled', finishedAt: now(), ...paid() });
        send({ type: 'cancelled' });
        return;
      }
      if (!resumed?.has(0)) await deps.persistence.addTrial(runId, {
        index: 0, label, candidate: state, score: summary.score, subset: 'full', examples: summary.examples,
        usage: { calls: summary.calls, cachedCalls: summary.cachedCalls, totalTokens: summary.totalTokens }, elapsedMs: now() - started,
      });
      await deps.persistence.updateRun(runId, { status: 'finished', finishedAt: now(), score: summary.score, program: state, ...paid() });
      send({ type: 'evaluated', summary });
    } catch (error) {
      await deps.persistence.updateRun(runId, { status: 'failed', finishedAt: now(), error: message(error), ...paid() });
      send({ type: 'failed', error: message(error) });
    }
  }

  /** Starts an interrupted run again from its stored command; its stored trials are kept, not repeated. */
  async function resume(runId: string, apiKey: string | undefined, send: (event: WorkerEventBody) => void, signal: AbortSignal) {
    const stored = await deps.persistence.getRun(runId);
    if (!stored) throw new Error(`run ${runId} is not in the database`);
    if (stored.status !== 'running' && stored.status !== 'interrupted') throw new Error(`run ${runId} has already ended (${stored.status}); only an interrupted run can be resumed`);
    const command = commandFromStored(stored, apiKey);
    const done = new Set(await deps.persistence.trialIndexes(runId));
    send({ type: 'log', level: 'info', message: `resuming: ${done.size} trials already stored; finished calls come from the LM cache` });
    // What earlier attempts paid counts against the budget again (their calls now replay from the cache for free).
    // Runs saved before `spent` existed fall back to their trials' usage, which misses calls outside trials.
    const spent = stored.spent ?? (stored.usage && { calls: stored.usage.calls, tokens: stored.usage.totalTokens, cost: stored.usage.cost });
    return command.type === 'optimize' ? optimize(command, send, signal, done, spent) : evaluateRun(command, send, signal, done, spent);
  }

  return {
    setOnline(online: boolean) {
      deps.onlineChanged?.(online);
    },
    async replay(request: ReplayRequest): Promise<ReplayResult> {
      const client = clientFor(request.provider, request.provider.taskModel);
      const lm = createLM({ client, cacheStore: deps.cacheStore, scheduler: { concurrency: 1 } });
      const prediction = await execute(request.graph, request.candidate, request.inputs, { lm, services: await deps.services?.(request) });
      const calls = prediction.trace.flatMap((step) => step.calls);
      return { prediction, calls: calls.length, cachedCalls: calls.filter((c) => c.cached).length };
    },
    async dispatch(command: RunCommand, onEvent: (event: WorkerEvent) => void): Promise<void> {
      if (command.type === 'cancel') {
        running.get(command.runId)?.abort();
        return;
      }
      const send = (event: WorkerEventBody) => onEvent({ ...event, runId: command.runId });
      if (running.has(command.runId)) return send({ type: 'failed', error: `run ${command.runId} is already running in this tab` });
      const controller = new AbortController();
      running.set(command.runId, controller);
      const run = async () => {
        switch (command.type) {
          case 'optimize':
            return optimize(command, send, controller.signal);
          case 'evaluate':
            return evaluateRun(command, send, controller.signal);
          case 'resume':
            return resume(command.runId, command.apiKey, send, controller.signal);
          default: {
            const never: never = command;
            throw new Error(`unknown command ${JSON.stringify(never)}`);
          }
        }
      };
      try {
        const held = deps.locks ? await deps.locks.hold(command.runId, run) : { ran: true as const, value: await run() };
        if (!held.ran) send({ type: 'failed', error: `run ${command.runId} is running in another tab; watch it there or wait for it to end` });
      } catch (error) {
        send({ type: 'failed', error: message(error) });
      } finally {
        running.delete(command.runId);
      }
    },
  };
}
