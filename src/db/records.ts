import type { BudgetSpent } from '../core/optimize/budget';
import type { Dataset, Example, Split } from '../core/data/types';
import type { CacheEntry } from '../core/lm/cache-store';
import type { Plan, TrialRecord } from '../core/optimize/events';
import type { ProgramGraph, ProgramState } from '../core/program/types';

/** A project as the studio lists and edits it. Datasets and runs live in their own tables. */
export interface ProjectRecord {
  id: string;
  name: string;
  graph: ProgramGraph;
  /** Non-secret settings: metric id, chosen provider and models, split seed. */
  settings: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/** A graph exactly as a run saw it, so a run stays reproducible after the project is edited. */
export interface GraphVersionRecord {
  id: string;
  projectId: string;
  graph: ProgramGraph;
  /** SHA-256 of the graph's canonical JSON: pinning an unchanged graph reuses its version. */
  hash: string;
  createdAt: number;
}

export type DatasetRecord = Dataset & { projectId: string; updatedAt: number };

/** A dataset without its rows: what lists need, cheap even for a 100k-row dataset. */
export type DatasetSummary = Omit<DatasetRecord, 'rows'> & { rowCount: number };

/** The datasets table: summaries only; rows live in `datasetPages`. */
export type DatasetRow = DatasetSummary;

/** Rows per split; `none` counts the rows no split was assigned to. */
export type SplitCounts = Record<Split | 'none', number>;

/**
 * Up to PAGE_ROWS consecutive rows of one dataset, in the user's order (since schema v3).
 * Pages are numbered 0, 1, 2… in row order; an edit rewrites one page, not one record per row.
 */
export interface DatasetPageRecord {
  datasetId: string;
  page: number;
  rows: Example[];
}

/**
 * One per dataset, beside its pages: how many rows each page holds (so a window of rows reads
 * only its pages), each page's row ids as JSON text (so finding a row by id parses one page's
 * ids, never every row) and the rows per split.
 */
export interface DatasetPageIndexRecord {
  datasetId: string;
  /** Rows on page i. A page emptied by deletes stays, with 0. */
  counts: number[];
  /** Page i's row ids, `JSON.stringify(string[])`. */
  ids: string[];
  splits: SplitCounts;
}

/** Schema v1–v2: one record per row, moved into pages by the v3 upgrade. `order` kept the row order. */
export interface DatasetRowRecord {
  datasetId: string;
  rowId: string;
  order: number;
  data: Record<string, unknown>;
  split?: Split;
}

export type RunKind = 'optimize' | 'evaluate';
/** 'interrupted': it was 'running' but no tab holds its lock any more (a reload, a crash); it can be resumed. */
export type RunStatus = 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted';

/**
 * The command that started a run, as plain JSON and never with an API key, so the run can be
 * started again after a reload. Opaque to the db: the worker's resume.ts reads and checks it.
 */
export type StoredRunCommand = Record<string, unknown>;

/** Totals over a run's trials, kept in step with them (see trials.add). */
export interface RunUsage {
  trials: number;
  calls: number;
  cachedCalls: number;
  totalTokens: number;
  /** USD; absent while any trial had an unknown price. */
  cost?: number;
}

export interface RunRecord {
  id: string;
  projectId: string;
  kind: RunKind;
  optimizer: string;
  config: Record<string, unknown>;
  seed: number;
  status: RunStatus;
  startedAt: number;
  finishedAt?: number;
  /** The pinned graph (graphVersions.pin) the run ran on. */
  graphVersion?: string;
  datasetId?: string;
  taskModel?: string;
  promptModel?: string;
  plan?: Plan;
  score?: number;
  baselineScore?: number;
  /** The best program so far, or the returned one once finished. */
  program?: ProgramState;
  error?: string;
  usage: RunUsage;
  /** Present on runs that can be resumed (see StoredRunCommand). */
  command?: StoredRunCommand;
  /** How many times the run was resumed after an interruption. */
  resumes?: number;
  /**
   * Provider calls, tokens and cost the run has paid for so far, across every attempt (trials,
   * bootstrapping, proposals, dev scoring), saved with its progress: a resumed run's budget
   * starts from here.
   */
  spent?: BudgetSpent;
}

/** What runs.create accepts: usage starts at zero unless given. */
export type NewRunRecord = Omit<RunRecord, 'usage'> & { usage?: RunUsage };

/** Anything but the identity of a run may change. */
export type RunPatch = Partial<Omit<RunRecord, 'id' | 'projectId'>>;

export type StoredTrial = TrialRecord & { runId: string };

export interface ProviderRecord {
  id: string;
  name: string;
  baseURL: string;
  models: string[];
  taskModel?: string;
  promptModel?: string;
  /** Stored only when `remember` is true; otherwise the key lives in memory alone. */
  apiKey?: string;
  remember: boolean;
}

export interface LmCacheRow {
  key: string;
  entry: CacheEntry;
  /** A monotonically increasing use stamp: the smallest is the least recently used. */
  lastUsed: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type { Dataset, Example };
