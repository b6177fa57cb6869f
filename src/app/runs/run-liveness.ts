import { isLocalBaseURL } from '../../core/lm/prices';
import type { RunRecord } from '../../db';
import type { ProviderRecord } from '../providers/presets';

/**
 * Runs started by this tab's worker. A module-level set, not store state: it is a fact about
 * this tab, never saved, never undone, and a reload rightly forgets it.
 */
export const ownRuns = new Set<string>();

export interface ResumeKey {
  key?: string;
  /** True when the run's provider wants a key this tab does not have: the UI asks for it. */
  missing: boolean;
}

/**
 * The key to resume a run with. Runs are stored without their key; it comes back from the
 * provider with the same base URL (its key in memory, or remembered if the user chose so).
 */
export function resumeKeyFor(run: Pick<RunRecord, 'command'>, saved: ProviderRecord[], sessionKeys: Record<string, string>): ResumeKey {
  const provider = run.command?.provider as { kind?: string; baseURL?: string } | undefined;
  if (provider?.kind !== 'http' || typeof provider.baseURL !== 'string') return { missing: false };
  const record = saved.find((p) => p.baseURL === provider.baseURL);
  const key = (record && (sessionKeys[record.id] ?? record.apiKey)) || undefined;
  return key ? { key, missing: false } : { missing: !isLocalBaseURL(provider.baseURL) };
}
