import type { ProgramState } from '../program/types';
import type { UsageTotals } from '../lm/usage';

/** What a run expects to spend, computed from the config before the start. */
export interface Plan {
  /** Task-model program runs (each is one or more LM calls). */
  taskRuns: number;
  /** Expected task-model LM calls (upper estimate, before cache hits). */
  taskCalls: number;
  /** Expected prompt-model calls (proposals, reflections, summaries). */
  promptCalls: number;
  estimatedTokens: number;
  /** USD, when both models have a known price. */
  estimatedCost?: number;
  /** How the numbers were derived, one line each (shown under the plan). */
  notes: string[];
}

export type TrialSubset = 'minibatch' | 'full';

export interface ExampleScore {
  exampleId: string;
  score: number;
  feedback?: string;
  error?: string;
}

export interface TrialRecord {
  index: number;
  /** A short name for the candidate: "zero-shot", "seed 3", "instr 2 × demos 1", ... */
  label: string;
  candidate: ProgramState;
  score: number;
  subset: TrialSubset;
  examples: ExampleScore[];
  /** Provider usage spent by this trial (cache hits excluded). */
  usage: { calls: number; cachedCalls: number; totalTokens: number; cost?: number };
  elapsedMs: number;
}

export interface RunProgress {
  calls: number;
  cachedCalls: number;
  tokens: number;
  cost?: number;
  savedTokens: number;
  savedCost?: number;
  /** Fraction of the plan's calls done, 0..1. */
  fraction: number;
  etaMs?: number;
}

export type StopReason = 'completed' | 'budget' | 'stop-at-score';

export interface CompileResult {
  program: ProgramState;
  /** Score of the returned program on the optimizer's validation set. */
  score: number;
  baselineDevScore?: number;
  finalDevScore?: number;
  stopReason: StopReason;
  usage: UsageTotals;
  trials: number;
}

/** The typed stream every optimizer emits (DESIGN.md). The studio's chart and table read it. */
export type RunEvent =
  | { type: 'started'; optimizer: string; seed: number; plan: Plan }
  | { type: 'trial'; trial: TrialRecord }
  | { type: 'best'; trialIndex: number; score: number; candidate: ProgramState }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  | { type: 'finished'; result: CompileResult }
  | { type: 'failed'; error: string; best?: { program: ProgramState; score: number } }
  | { type: 'cancelled'; best?: { program: ProgramState; score: number } };

export type RunEventType = RunEvent['type'];
