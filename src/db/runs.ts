import type { TrialRecord } from '../core/optimize/events';
import { DbConflictError, DbNotFoundError, guardWrite } from './errors';
import type { NewRunRecord, RunPatch, RunRecord, RunUsage, StoredTrial } from './records';
import type { StudioDb } from './schema';

export const ZERO_RUN_USAGE: Readonly<RunUsage> = Object.freeze({ trials: 0, calls: 0, cachedCalls: 0, totalTokens: 0, cost: 0 });

export interface RunsRepository {
  create(run: NewRunRecord): Promise<void>;
  update(id: string, patch: RunPatch): Promise<void>;
  /** Newest first. */
  listFor(projectId: string): Promise<RunRecord[]>;
  get(id: string): Promise<RunRecord | undefined>;
  /** The run and its trials. */
  remove(id: string): Promise<void>;
  /**
   * Marks a run 'interrupted' if it is still 'running' (checked and written in one transaction,
   * so a run that just finished keeps its status). True when it changed the run.
   */
  markInterrupted(id: string): Promise<boolean>;
}

export interface TrialsRepository {
  /** Stores the trial and adds its usage to the run's totals, in one transaction. */
  add(runId: string, trial: TrialRecord): Promise<void>;
  /** In trial order. */
  listFor(runId: string): Promise<StoredTrial[]>;
}

export function runsRepository(getDb: () => StudioDb): RunsRepository {
  return {
    async create(run) {
      const record: RunRecord = { ...run, usage: run.usage ?? { ...ZERO_RUN_USAGE } };
      const db = getDb();
      await guardWrite(`record run ${run.id}`, () =>
        db.transaction('rw', [db.projects, db.runs], async () => {
          if (!(await db.projects.get(run.projectId))) throw new DbNotFoundError('projects', run.projectId);
          if (await db.runs.get(run.id)) throw new DbConflictError(`a run with id ${JSON.stringify(run.id)} already exists`);
          await db.runs.add(record);
        }),
      );
    },

    async update(id, patch) {
      const updated = await guardWrite(`update run ${id}`, () => getDb().runs.update(id, patch));
      if (updated === 0 && !(await getDb().runs.get(id))) throw new DbNotFoundError('runs', id);
    },

    async listFor(projectId) {
      return getDb()
        .runs.where('[projectId+startedAt]')
        .between([projectId, -Infinity], [projectId, Infinity])
        .reverse()
        .toArray();
    },

    async get(id) {
      return getDb().runs.get(id);
    },

    async markInterrupted(id) {
      const changed = await guardWrite(`mark run ${id} interrupted`, () =>
        getDb().runs.where('id').equals(id).and((r) => r.status === 'running').modify({ status: 'interrupted' }),
      );
      return changed > 0;
    },

    async remove(id) {
      const db = getDb();
      await guardWrite(`delete run ${id}`, () =>
        db.transaction('rw', [db.runs, db.trials], async () => {
          await db.trials.where('runId').equals(id).delete();
          await db.runs.delete(id);
        }),
      );
    },
  };
}

export function addTrialUsage(usage: RunUsage, trial: TrialRecord): RunUsage {
  const next: RunUsage = {
    trials: usage.trials + 1,
    calls: usage.calls + trial.usage.calls,
    cachedCalls: usage.cachedCalls + trial.usage.cachedCalls,
    totalTokens: usage.totalTokens + trial.usage.totalTokens,
  };
  // One unpriced trial makes the run's cost unknown rather than silently low.
  if (usage.cost !== undefined && trial.usage.cost !== undefined) next.cost = usage.cost + trial.usage.cost;
  return next;
}

export function trialsRepository(getDb: () => StudioDb): TrialsRepository {
  return {
    async add(runId, trial) {
      const db = getDb();
      await guardWrite(`record trial ${trial.index} of run ${runId}`, () =>
        db.transaction('rw', [db.runs, db.trials], async () => {
          const run = await db.runs.get(runId);
          if (!run) throw new DbNotFoundError('runs', runId);
          if (await db.trials.get([runId, trial.index])) {
            throw new DbConflictError(`run ${runId} already has a trial with index ${trial.index}`);
          }
          await db.trials.add({ ...trial, runId });
          // `?? ZERO`: a run written by hand or by an older build may lack totals; start them here.
          await db.runs.update(runId, { usage: addTrialUsage(run.usage ?? ZERO_RUN_USAGE, trial) });
        }),
      );
    },

    async listFor(runId) {
      return getDb().trials.where('[runId+index]').between([runId, -Infinity], [runId, Infinity]).toArray();
    },
  };
}
