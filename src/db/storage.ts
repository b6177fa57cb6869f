/** How much this origin stores and may store, in bytes, as the browser estimates it. */
export interface StorageEstimate {
  usage: number;
  quota: number;
  /** usage / quota, 0..1. */
  fraction: number;
}

/** The parts of `navigator.storage` these helpers use; absent in Node, old browsers and some iframes. */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

function defaultManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** The browser's estimate, or undefined where it cannot say (the UI then shows nothing). */
export async function estimateStorage(manager: StorageManagerLike | undefined = defaultManager()): Promise<StorageEstimate | undefined> {
  if (typeof manager?.estimate !== 'function') return undefined;
  try {
    const { usage, quota } = await manager.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return undefined;
    return { usage, quota, fraction: Math.min(1, usage / quota) };
  } catch {
    // Some browsers throw in private windows; "unknown" is the honest answer.
    return undefined;
  }
}

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/** Whether the browser promised not to evict this origin's data under storage pressure. */
export async function persistenceState(manager: StorageManagerLike | undefined = defaultManager()): Promise<PersistenceState> {
  if (typeof manager?.persisted !== 'function') return 'unsupported';
  try {
    return (await manager.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/**
 * Asks for persistent storage (Chrome grants it silently to engaged sites, Firefox prompts).
 * Call from a user action. Resolves to the resulting state; never throws.
 */
export async function requestPersistence(manager: StorageManagerLike | undefined = defaultManager()): Promise<PersistenceState> {
  if (typeof manager?.persist !== 'function') return 'unsupported';
  try {
    return (await manager.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** "12.3 MB" style, for the storage line in settings. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
