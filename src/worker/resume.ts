import type { StoredRunCommand } from '../db/records';
import type { EvaluateCommand, OptimizeCommand, ProviderSpec, RunRow } from './protocol';

/**
 * What makes a run resumable: its command stored without the API key, read back and checked
 * when the run starts again, and the lock that tells a live run from an interrupted one.
 */

export type StartCommand = OptimizeCommand | EvaluateCommand;

/** The Web Lock a tab holds while it runs `runId`. FROZEN: every open tab must agree on it. */
export function runLockName(runId: string): string {
  return `prompt-studio:run:${runId}`;
}

export function runIdOfLock(name: string | undefined): string | undefined {
  const prefix = runLockName('');
  return name?.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}

function withoutKey(provider: ProviderSpec): ProviderSpec {
  if (provider.kind !== 'http') return { ...provider };
  const { apiKey: _key, ...rest } = provider;
  return rest;
}

/** The command as it is stored with its run: plain JSON, no API key. */
export function storedCommand(command: StartCommand): StoredRunCommand {
  return JSON.parse(JSON.stringify({ ...command, provider: withoutKey(command.provider) })) as StoredRunCommand;
}

export class ResumeError extends Error {
  override readonly name = 'ResumeError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function need(ok: boolean, runId: string, field: string, what: string): void {
  if (!ok) throw new ResumeError(`run ${runId} cannot be resumed: its stored command has no valid '${field}' (${what})`);
}

/**
 * The command to start `run` again, with `apiKey` put back into an http provider. Throws a
 * ResumeError naming the field when what is stored is not a command this build can run.
 */
export function commandFromStored(run: Pick<RunRow, 'id' | 'command'>, apiKey?: string): StartCommand {
  const stored = run.command;
  if (!stored) throw new ResumeError(`run ${run.id} cannot be resumed: it was stored without its command (an older version started it)`);
  const type = stored.type;
  need(type === 'optimize' || type === 'evaluate', run.id, 'type', "'optimize' or 'evaluate'");
  need(isRecord(stored.graph) && Array.isArray(stored.graph.nodes), run.id, 'graph', 'a program graph');
  need(typeof stored.projectId === 'string', run.id, 'projectId', 'a string');
  need(typeof stored.metricId === 'string', run.id, 'metricId', 'a string');
  need(typeof stored.concurrency === 'number' && stored.concurrency >= 1, run.id, 'concurrency', 'a positive number');
  const provider = stored.provider;
  need(isRecord(provider) && (provider.kind === 'demo' || (provider.kind === 'http' && typeof provider.baseURL === 'string')) && typeof provider.taskModel === 'string', run.id, 'provider', 'a demo or http provider with a task model');
  if (type === 'optimize') {
    need(Array.isArray(stored.trainset), run.id, 'trainset', 'a list of examples');
    need(Array.isArray(stored.devset), run.id, 'devset', 'a list of examples');
    need(typeof stored.optimizer === 'string', run.id, 'optimizer', 'an optimizer id');
    need(typeof stored.seed === 'number', run.id, 'seed', 'a number');
  } else {
    need(Array.isArray(stored.examples), run.id, 'examples', 'a list of examples');
  }
  const spec = provider as ProviderSpec;
  const withKey: ProviderSpec = spec.kind === 'http' && apiKey ? { ...spec, apiKey } : spec;
  return { ...(stored as unknown as StartCommand), runId: run.id, provider: withKey };
}

/** How a stored run stands for this tab. */
export type RunLiveness = 'here' | 'elsewhere' | 'interrupted' | 'ended';

/**
 * A run stored as 'running' is live only while some tab holds its lock: the tab that ran it
 * releases the lock when it closes, reloads or crashes, and then the run is interrupted.
 */
export function runLiveness(run: Pick<RunRow, 'id' | 'status'>, heldLocks: ReadonlySet<string>, ownRuns: ReadonlySet<string>): RunLiveness {
  if (run.status === 'interrupted') return heldLocks.has(runLockName(run.id)) ? (ownRuns.has(run.id) ? 'here' : 'elsewhere') : 'interrupted';
  if (run.status !== 'running') return 'ended';
  if (ownRuns.has(run.id)) return 'here';
  return heldLocks.has(runLockName(run.id)) ? 'elsewhere' : 'interrupted';
}
