import { useCallback } from 'react';
import type { Example } from '../../core/data/types';
import type { Budget } from '../../core/optimize/budget';
import { sendRunCommand } from '../../worker/client';
import type { ProviderSpec } from '../../worker/protocol';
import { activeProviderSpec } from '../providers/store';
import { useProjectStore } from '../state/project-store';
import type { RunRecord } from '../../db';
import type { ProgramGraph } from '../../core/program/types';
import { newLiveRun } from './live-run';
import { ownRuns } from './run-liveness';
import { useRunStore } from './runStore';

export interface OptimizeRequest {
  optimizer: string;
  optimizerName: string;
  config: Record<string, unknown>;
  trainset: Example[];
  devset: Example[];
  seed: number;
  concurrency: number;
  budget: Budget;
  datasetId?: string;
}

function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function metricOf(settings: Record<string, unknown>): string {
  return typeof settings.metric === 'string' ? settings.metric : 'exact-match';
}

/** The metric's settings (the custom metric's code), sent with the run. */
function metricConfigOf(settings: Record<string, unknown>): Record<string, unknown> | undefined {
  const config = settings.metricConfig;
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : undefined;
}

/** Starts runs in the worker and feeds their events into the run store. */
export function useRunLauncher() {
  const start = useRunStore((s) => s.start);
  const receive = useRunStore((s) => s.receive);

  const launch = useCallback(
    (label: string, kind: 'optimize' | 'evaluate', build: (base: { runId: string; provider: ProviderSpec }) => Parameters<typeof sendRunCommand>[0]) => {
      const { projectId, graph } = useProjectStore.getState();
      if (!projectId) throw new Error('open a project first');
      const runId = newRunId();
      let provider: ProviderSpec;
      try {
        provider = activeProviderSpec();
      } catch (error) {
        start(newLiveRun(runId, projectId, kind, label, graph));
        receive({ runId, type: 'failed', error: error instanceof Error ? error.message : String(error) });
        return;
      }
      start(newLiveRun(runId, projectId, kind, `${label} · ${provider.taskModel}`, graph));
      ownRuns.add(runId);
      // A lost worker (a crash, a failed load) must end the run in the UI, not leave it spinning.
      sendRunCommand(build({ runId, provider }), receive).catch((error: unknown) =>
        receive({ runId, type: 'failed', error: `the run worker stopped: ${error instanceof Error ? error.message : String(error)}` }),
      );
    },
    [start, receive],
  );

  const evaluate = useCallback(
    (examples: Example[], split: string, datasetId?: string) => {
      const { projectId, graph, settings } = useProjectStore.getState();
      launch(`Evaluate on ${split} (${examples.length} examples)`, 'evaluate', ({ runId, provider }) => ({
        type: 'evaluate', runId, projectId: projectId ?? '', graph, metricId: metricOf(settings), metricConfig: metricConfigOf(settings), concurrency: 8, provider, examples, split, datasetId,
      }));
    },
    [launch],
  );

  const optimize = useCallback(
    (request: OptimizeRequest) => {
      const { projectId, graph, settings } = useProjectStore.getState();
      launch(`${request.optimizerName} (seed ${request.seed})`, 'optimize', ({ runId, provider }) => ({
        type: 'optimize', runId, projectId: projectId ?? '', graph, metricId: metricOf(settings), metricConfig: metricConfigOf(settings), concurrency: request.concurrency, provider,
        optimizer: request.optimizer, config: request.config, trainset: request.trainset, devset: request.devset, seed: request.seed, budget: request.budget, datasetId: request.datasetId,
      }));
    },
    [launch],
  );

  /** Starts an interrupted run again in this tab; its finished calls come from the LM cache. */
  const resume = useCallback(
    (run: RunRecord, apiKey: string | undefined) => {
      const stored = run.command ?? {};
      const graph = (stored.graph as ProgramGraph | undefined) ?? useProjectStore.getState().graph;
      const label = run.kind === 'evaluate' ? `Evaluate (resumed)` : `${run.optimizer} (seed ${run.seed}, resumed)`;
      start(newLiveRun(run.id, run.projectId, run.kind, run.taskModel ? `${label} · ${run.taskModel}` : label, graph));
      ownRuns.add(run.id);
      sendRunCommand({ type: 'resume', runId: run.id, ...(apiKey ? { apiKey } : {}) }, receive).catch((error: unknown) =>
        receive({ runId: run.id, type: 'failed', error: `the run worker stopped: ${error instanceof Error ? error.message : String(error)}` }),
      );
    },
    [start, receive],
  );

  const cancel = useCallback((runId: string) => {
    void sendRunCommand({ type: 'cancel', runId });
  }, []);

  return { evaluate, optimize, resume, cancel };
}
