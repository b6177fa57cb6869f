import { useCallback } from 'react';
import type { Example } from '../../core/data/types';
import type { Budget } from '../../core/optimize/budget';
import { sendRunCommand } from '../../worker/client';
import type { ProviderSpec } from '../../worker/protocol';
import { activeProviderSpec } from '../providers/store';
import { useProjectStore } from '../state/project-store';
import { newLiveRun } from './live-run';
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
        type: 'evaluate', runId, projectId: projectId ?? '', graph, metricId: metricOf(settings), concurrency: 8, provider, examples, split, datasetId,
      }));
    },
    [launch],
  );

  const optimize = useCallback(
    (request: OptimizeRequest) => {
      const { projectId, graph, settings } = useProjectStore.getState();
      launch(`${request.optimizerName} (seed ${request.seed})`, 'optimize', ({ runId, provider }) => ({
        type: 'optimize', runId, projectId: projectId ?? '', graph, metricId: metricOf(settings), concurrency: request.concurrency, provider,
        optimizer: request.optimizer, config: request.config, trainset: request.trainset, devset: request.devset, seed: request.seed, budget: request.budget, datasetId: request.datasetId,
      }));
    },
    [launch],
  );

  const cancel = useCallback((runId: string) => {
    void sendRunCommand({ type: 'cancel', runId });
  }, []);

  return { evaluate, optimize, cancel };
}
