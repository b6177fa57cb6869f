import { formatBytes, type PersistenceState, type StorageEstimate } from '../../db';

/** What each persistence state means for the user's projects, in one sentence. */
export function persistenceText(state: PersistenceState | undefined): { title: string; detail: string } {
  switch (state) {
    case undefined:
      return { title: 'Checking…', detail: '' };
    case 'persisted':
      return { title: 'Persistent', detail: 'The browser will keep your projects, datasets, runs and LM cache even when the disk runs low.' };
    case 'best-effort':
      return {
        title: 'Not persistent',
        detail:
          'The browser did not grant persistent storage: under storage pressure it may delete this site\'s data (projects, datasets, runs, the LM cache) without asking. Export projects you want to keep.',
      };
    case 'unsupported':
      return { title: 'Unknown', detail: 'This browser cannot say whether it keeps this site\'s data under storage pressure. Export projects you want to keep.' };
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** "Using 12 MB of 2.1 GB (1%)", or a plain "unknown" where the browser gives no estimate. */
export function usageText(estimate: StorageEstimate | undefined): string {
  if (!estimate) return 'Storage use: unknown in this browser';
  const percent = estimate.fraction > 0 && estimate.fraction < 0.01 ? '<1' : String(Math.round(estimate.fraction * 100));
  return `Using ${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)} (${percent}%)`;
}

export interface CacheStats {
  entries: number;
  /** Roughly what the entries take: keys and the JSON of each entry, UTF-16. */
  bytes: number;
}

export function cacheText(stats: CacheStats | undefined): string {
  if (!stats) return 'Counting…';
  if (stats.entries === 0) return 'Empty';
  return `${stats.entries} ${stats.entries === 1 ? 'response' : 'responses'}, about ${formatBytes(stats.bytes)}`;
}

/** The approximate size of one cache row: what a person means by "how big is the cache". */
export function approximateRowBytes(key: string, entry: unknown): number {
  return 2 * (key.length + (JSON.stringify(entry) ?? '').length);
}

// DbQuotaError's message (src/db/errors.ts) starts with this; the UI often has only the text.
const QUOTA_MESSAGE = /Browser storage is full|QuotaExceededError|quota has been exceeded/i;

/** True for an error (or its message) that says the browser refused a write for lack of space. */
export function isQuotaProblem(error: unknown): boolean {
  if (typeof error === 'string') return QUOTA_MESSAGE.test(error);
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'DbQuotaError' || name === 'QuotaExceededError' || (typeof message === 'string' && QUOTA_MESSAGE.test(message));
}
