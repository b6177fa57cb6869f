import type { RunRecord } from '../db/records';
import type { Example } from '../core/data/types';
import type { EvaluationStop } from '../core/evaluate/types';
import type { Budget } from '../core/optimize/budget';
import type { ExampleScore, RunEvent, TrialRecord } from '../core/optimize/events';
import type { Prediction, ProgramGraph, ProgramState } from '../core/program/types';
import type { CodeRunner } from '../core/sandbox/types';

/**
 * The one contract between the page and the run worker (STYLE.md 6): commands go in, events
 * come out. Both sides import these types; nothing else crosses the boundary.
 */

/** Where the worker sends LM calls. The key rides along in memory only; it is never persisted or logged. */
export type ProviderSpec =
  | { kind: 'demo'; taskModel: string; promptModel?: string; latencyMs?: number }
  | { kind: 'http'; baseURL: string; apiKey?: string; taskModel: string; promptModel?: string };

interface RunCommandBase {
  runId: string;
  projectId: string;
  graph: ProgramGraph;
  metricId: string;
  /** The metric's settings from the project (the custom metric's `{ code }`). */
  metricConfig?: Record<string, unknown>;
  concurrency: number;
  provider: ProviderSpec;
  /** The dataset the examples came from, recorded with the run. */
  datasetId?: string;
}

export interface OptimizeCommand extends RunCommandBase {
  type: 'optimize';
  optimizer: string;
  config: Record<string, unknown>;
  trainset: Example[];
  valset?: Example[];
  devset: Example[];
  seed: number;
  budget: Budget;
}

export interface EvaluateCommand extends RunCommandBase {
  type: 'evaluate';
  examples: Example[];
  /** Which split the examples came from, for the run's label. */
  split: string;
}

export interface CancelCommand {
  type: 'cancel';
  runId: string;
}

/**
 * Starts an interrupted run again from its stored command (resume.ts), replaying finished calls
 * from the LM cache. The key is not stored with the run: the page passes it back here.
 */
export interface ResumeCommand {
  type: 'resume';
  runId: string;
  apiKey?: string;
}

export type RunCommand = OptimizeCommand | EvaluateCommand | CancelCommand | ResumeCommand;

export interface EvaluationSummary {
  score: number;
  examples: ExampleScore[];
  errors: number;
  calls: number;
  cachedCalls: number;
  totalTokens: number;
  stopped?: EvaluationStop;
}

/** An optimizer's own event stream, plus what an evaluation reports. */
export type WorkerEventBody =
  | RunEvent
  | { type: 'eval-progress'; done: number; total: number; meanSoFar: number }
  | { type: 'evaluated'; summary: EvaluationSummary };

export type WorkerEvent = WorkerEventBody & { runId: string };

export type { RunKind, RunStatus } from '../db/records';

/** What the worker writes about a run: the stored record less what the db keeps itself (usage totals, the pinned graph). */
export type RunRow = Omit<RunRecord, 'usage' | 'graphVersion'>;

/** The worker's only dependency on storage, so the dispatcher runs in Node tests without IndexedDB. */
export interface RunPersistence {
  /** Records the run and freezes the graph it runs on, so the run can be reopened after edits. */
  createRun(run: RunRow, graph: ProgramGraph): Promise<void>;
  updateRun(id: string, patch: Partial<Omit<RunRow, 'id' | 'projectId'>>): Promise<void>;
  addTrial(runId: string, trial: TrialRecord): Promise<void>;
  /** The stored run (to resume it; its usage totals count against a resumed run's budget) and the indexes of the trials it already has. */
  getRun(id: string): Promise<(RunRow & Partial<Pick<RunRecord, 'usage'>>) | undefined>;
  trialIndexes(runId: string): Promise<number[]>;
}

/** The Web Locks seam: one tab runs a run; resume-locks.ts holds the browser's implementation. */
export interface RunLocks {
  /** Runs `task` while holding the run's lock; `{ ran: false }` without running it if someone else holds it. */
  hold<T>(runId: string, task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/** The surface comlink exposes. `onEvent` is a comlink proxy on the page side. */
/** Runs a candidate on one example again to show its exact messages: served from the LM cache when the run's calls are still there. */
export interface ReplayRequest {
  graph: ProgramGraph;
  candidate: ProgramState;
  inputs: Record<string, unknown>;
  provider: ProviderSpec;
}

export interface ReplayResult {
  prediction: Prediction;
  /** LM calls the replay made; `cachedCalls` of them came from the cache at no cost. */
  calls: number;
  cachedCalls: number;
}

export interface RunWorkerApi {
  dispatch(command: RunCommand, onEvent: (event: WorkerEvent) => void): Promise<void>;
  replay(request: ReplayRequest): Promise<ReplayResult>;
  /** The page's view of the network (a worker may not hear online/offline itself): offline pauses every run's LM calls. */
  setOnline(online: boolean): void;
}

/** The page lends the worker its code sandbox (the worker has no DOM for the sandbox's iframe); see code-bridge.ts. */
export interface CodeBridgeApi {
  provideCodeRunner(runner: CodeRunner): void;
}
