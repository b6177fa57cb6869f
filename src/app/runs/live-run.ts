import { isQuotaProblem } from '../storage/storage-text';
import type { CompileResult, Plan, RunProgress, TrialRecord } from '../../core/optimize/events';
import type { ProgramGraph, ProgramState } from '../../core/program/types';
import type { EvaluationSummary, RunKind, RunStatus, WorkerEvent } from '../../worker/protocol';

/** What the Runs panel shows about the run in view. Never part of the undo history. */
export interface LiveRun {
  runId: string;
  projectId: string;
  kind: RunKind;
  label: string;
  /** The graph the run started from: exports and the diff baseline use it, not today's graph. */
  graph: ProgramGraph;
  status: RunStatus;
  plan?: Plan;
  progress?: RunProgress;
  evalProgress?: { done: number; total: number; meanSoFar: number };
  trials: TrialRecord[];
  best?: { trialIndex: number; score: number; candidate: ProgramState };
  result?: CompileResult;
  evaluation?: EvaluationSummary;
  logs: { level: 'info' | 'warn'; message: string }[];
  error?: string;
  /** Set for a run reopened from history: what the database kept of its outcome. */
  stored?: { score?: number; baselineScore?: number };
}

export function newLiveRun(runId: string, projectId: string, kind: RunKind, label: string, graph: ProgramGraph): LiveRun {
  return { runId, projectId, kind, label, graph, status: 'running', trials: [], logs: [] };
}

/** Folds one worker event into the run. Pure, so the panel's state is testable without a worker. */
export function reduceRun(run: LiveRun, event: WorkerEvent): LiveRun {
  if (event.runId !== run.runId) return run;
  switch (event.type) {
    case 'started':
      return { ...run, plan: event.plan };
    case 'trial':
      return { ...run, trials: [...run.trials, event.trial] };
    case 'best':
      return { ...run, best: { trialIndex: event.trialIndex, score: event.score, candidate: event.candidate } };
    case 'progress':
      return { ...run, progress: event.progress };
    case 'log':
      return { ...run, logs: [...run.logs, { level: event.level, message: event.message }] };
    case 'finished':
      return { ...run, status: 'finished', result: event.result };
    case 'failed':
      return { ...run, status: 'failed', error: event.error };
    case 'cancelled':
      return { ...run, status: 'cancelled' };
    case 'eval-progress':
      return { ...run, evalProgress: { done: event.done, total: event.total, meanSoFar: event.meanSoFar } };
    case 'evaluated':
      return { ...run, status: 'finished', evaluation: event.summary };
    default: {
      const never: never = event;
      throw new Error(`unhandled run event ${JSON.stringify(never)}`);
    }
  }
}

/** The program a finished (or stopped) run offers to apply and export. */
export function runProgram(run: LiveRun): ProgramState | undefined {
  return run.result?.program ?? run.best?.candidate;
}

/** What a stored run carries (a structural subset of the db's RunRecord). */
export interface StoredRun {
  id: string;
  projectId: string;
  kind: RunKind;
  optimizer: string;
  seed: number;
  status: RunStatus;
  taskModel?: string;
  plan?: Plan;
  score?: number;
  baselineScore?: number;
  program?: ProgramState;
  error?: string;
}

/** Rebuilds the panel's view of a past run from the database: its trials, its program, its scores. */
export function liveRunFromStored(run: StoredRun, trials: TrialRecord[], graph: ProgramGraph): LiveRun {
  const label = run.kind === 'evaluate' ? `Evaluation (stored)` : `${run.optimizer} (seed ${run.seed}, stored)`;
  const bestTrial = trials.filter((t) => t.subset === 'full').reduce<TrialRecord | undefined>((b, t) => (!b || t.score > b.score ? t : b), undefined);
  const first = trials[0];
  return {
    ...newLiveRun(run.id, run.projectId, run.kind, run.taskModel ? `${label} · ${run.taskModel}` : label, graph),
    status: run.status,
    plan: run.plan,
    trials,
    ...(run.program ? { best: { trialIndex: bestTrial?.index ?? -1, score: run.score ?? bestTrial?.score ?? 0, candidate: run.program } } : {}),
    ...(run.kind === 'evaluate' && first && run.status === 'finished'
      ? { evaluation: { score: first.score, examples: first.examples, errors: first.examples.filter((e) => e.error).length, calls: first.usage.calls, cachedCalls: first.usage.cachedCalls, totalTokens: first.usage.totalTokens } }
      : {}),
    ...(run.error ? { error: run.error } : {}),
    stored: { score: run.score, baselineScore: run.baselineScore },
  };
}

/** The first warning that the browser refused to store part of the run for lack of space. */
export function storageProblem(run: LiveRun): LiveRun['logs'][number] | undefined {
  return run.logs.find((l) => l.level === 'warn' && isQuotaProblem(l.message));
}
