import { getMetric } from '../core/evaluate/metrics/registry';
import type { Metric } from '../core/evaluate/types';
import type { CacheStore } from '../core/lm/cache';
import type { ProgramServices } from '../core/program/services';
import { runOptimizer } from '../core/optimize/runner';
import { programState } from '../core/program/state';
import { execute } from '../core/program/execute';
import { createLM } from '../core/lm/stack';
import { clientFor, fineTunerFor, pricesFor } from './clients';
import { evaluateGraph } from './evaluate-run';
import type { EvaluateCommand, OptimizeCommand, ReplayRequest, ReplayResult, RunCommand, RunPersistence, RunWorkerApi, WorkerEvent, WorkerEventBody } from './protocol';

export interface DispatcherDeps {
  persistence: RunPersistence;
  cacheStore?: CacheStore;
  /** Retrievers and the code sandbox for a run's graph; none when omitted. */
  services?: (command: OptimizeCommand | EvaluateCommand | ReplayRequest) => ProgramServices | Promise<ProgramServices>;
  now?: () => number;
}

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

  function writer(runId: string, send: (event: WorkerEventBody) => void) {
    let chain: Promise<void> = Promise.resolve();
    return {
      write(task: () => Promise<void>) {
        chain = chain.then(task).catch((error: unknown) => send({ type: 'log', level: 'warn', message: `could not save run ${runId}: ${message(error)}` }));
      },
      flush: () => chain,
    };
  }

  async function optimize(command: OptimizeCommand, send: (event: WorkerEventBody) => void, signal: AbortSignal) {
    const { runId, provider } = command;
    const store = writer(runId, send);
    const metric = metricOf(command.metricId);
    await deps.persistence.createRun({ id: runId, projectId: command.projectId, kind: 'optimize', optimizer: command.optimizer, config: command.config, seed: command.seed, status: 'running', startedAt: now(), ...runModels(command) }, command.graph);
    const taskClient = clientFor(provider, provider.taskModel);
    const promptClient = provider.promptModel && provider.promptModel !== provider.taskModel ? clientFor(provider, provider.promptModel) : undefined;
    const emit = (event: WorkerEventBody) => {
      send(event);
      switch (event.type) {
        case 'started':
          store.write(() => deps.persistence.updateRun(runId, { plan: event.plan }));
          return;
        case 'trial':
          store.write(() => deps.persistence.addTrial(runId, event.trial));
          return;
        case 'finished':
          store.write(() =>
            deps.persistence.updateRun(runId, { status: 'finished', finishedAt: now(), score: event.result.finalDevScore ?? event.result.score, baselineScore: event.result.baselineDevScore, program: event.result.program }),
          );
          return;
        case 'failed':
          store.write(() => deps.persistence.updateRun(runId, { status: 'failed', finishedAt: now(), error: event.error, ...(event.best ? { program: event.best.program, score: event.best.score } : {}) }));
          return;
        case 'cancelled':
          store.write(() => deps.persistence.updateRun(runId, { status: 'cancelled', finishedAt: now(), ...(event.best ? { program: event.best.program, score: event.best.score } : {}) }));
          return;
        default:
          return;
      }
    };
    await runOptimizer(
      {
        optimizer: command.optimizer, config: command.config, graph: command.graph, trainset: command.trainset, valset: command.valset, devset: command.devset,
        metric, seed: command.seed, concurrency: command.concurrency, budget: command.budget,
      },
      // The task client also serves embeddings (KNNFewShot); fine-tuning goes to the same provider.
      { taskClient, promptClient, embedder: taskClient, fineTuner: fineTunerFor(provider), services: await deps.services?.(command), cacheStore: deps.cacheStore, prices: pricesFor(provider), emit, signal },
    );
    await store.flush();
  }

  async function evaluateRun(command: EvaluateCommand, send: (event: WorkerEventBody) => void, signal: AbortSignal) {
    const { runId } = command;
    const started = now();
    const label = `evaluate ${command.split}`;
    const metric = metricOf(command.metricId);
    await deps.persistence.createRun({ id: runId, projectId: command.projectId, kind: 'evaluate', optimizer: 'evaluate', config: { split: command.split }, seed: 0, status: 'running', startedAt: started, ...runModels(command) }, command.graph);
    const state = programState(command.graph);
    try {
      const summary = await evaluateGraph({
        graph: command.graph, state, examples: command.examples, metric, client: clientFor(command.provider, command.provider.taskModel),
        cacheStore: deps.cacheStore, services: await deps.services?.(command), concurrency: command.concurrency, signal, emit: send,
      });
      if (signal.aborted) {
        await deps.persistence.updateRun(runId, { status: 'cancelled', finishedAt: now() });
        send({ type: 'cancelled' });
        return;
      }
      await deps.persistence.addTrial(runId, {
        index: 0, label, candidate: state, score: summary.score, subset: 'full', examples: summary.examples,
        usage: { calls: summary.calls, cachedCalls: summary.cachedCalls, totalTokens: summary.totalTokens }, elapsedMs: now() - started,
      });
      await deps.persistence.updateRun(runId, { status: 'finished', finishedAt: now(), score: summary.score, program: state });
      send({ type: 'evaluated', summary });
    } catch (error) {
      await deps.persistence.updateRun(runId, { status: 'failed', finishedAt: now(), error: message(error) });
      send({ type: 'failed', error: message(error) });
    }
  }

  return {
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
      const controller = new AbortController();
      running.set(command.runId, controller);
      const send = (event: WorkerEventBody) => onEvent({ ...event, runId: command.runId });
      try {
        switch (command.type) {
          case 'optimize':
            return await optimize(command, send, controller.signal);
          case 'evaluate':
            return await evaluateRun(command, send, controller.signal);
          default: {
            const never: never = command;
            throw new Error(`unknown command ${JSON.stringify(never)}`);
          }
        }
      } catch (error) {
        send({ type: 'failed', error: message(error) });
      } finally {
        running.delete(command.runId);
      }
    },
  };
}
