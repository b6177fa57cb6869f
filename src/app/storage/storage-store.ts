import { create } from 'zustand';
import { estimateStorage, persistenceState, requestPersistence, type PersistenceState, type StorageEstimate } from '../../db';
import { useProjectStore } from '../state/project-store';
import { clearLmCache, lmCacheStats } from './cache-stats';
import type { CacheStats } from './storage-text';

interface StorageState {
  persistence?: PersistenceState;
  estimate?: StorageEstimate;
  cache?: CacheStats;
  /** Re-reads persistence, usage and the cache's size. */
  refresh(): Promise<void>;
  /** Asks the browser to keep this site's data (Chrome answers silently, Firefox may prompt). */
  askPersistence(): Promise<void>;
  /** Empties the LM cache; resolves to how many responses it held. */
  clearCache(): Promise<number>;
}

/** Storage facts for the Storage dialog and the "storage is full" help. Device state, not project state. */
export const useStorageStore = create<StorageState>((set, get) => ({
  async refresh() {
    const [persistence, estimate, cache] = await Promise.all([persistenceState(), estimateStorage(), lmCacheStats()]);
    set({ persistence, estimate, cache });
  },
  async askPersistence() {
    set({ persistence: await requestPersistence() });
  },
  async clearCache() {
    const cleared = await clearLmCache();
    await get().refresh();
    return cleared;
  },
}));

let asked = false;

/**
 * Asks for persistent storage once per page, right after the first save that worked: the
 * moment the user has something worth keeping. Returns the unsubscribe function.
 */
export function persistAfterFirstSave(): () => void {
  return useProjectStore.subscribe((state, previous) => {
    if (asked || previous.saveStatus !== 'pending' || state.saveStatus !== 'saved') return;
    asked = true;
    void persistenceState().then((current) =>
      current === 'best-effort' ? useStorageStore.getState().askPersistence() : useStorageStore.setState({ persistence: current }),
    );
  });
}
