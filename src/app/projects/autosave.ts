import type { StoreApi } from 'zustand';
import type { ProgramGraph } from '../../core/program/types';
import type { ProjectStoreState, SaveStatus } from '../state/project-store';

export interface SavePatch {
  name: string;
  graph: ProgramGraph;
  settings: Record<string, unknown>;
}

export interface Autosave {
  /** Writes a pending change now (before switching project or leaving the page). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Saves the open project a moment after it stops changing. Only the project's own content is
 * watched; selection, notices and run state are not saved. A failed save is reported, and the
 * change stays pending so the next edit or flush retries it.
 */
export function startAutosave(
  store: Pick<StoreApi<ProjectStoreState>, 'subscribe' | 'getState'>,
  save: (id: string, patch: SavePatch) => Promise<void>,
  options: { delayMs?: number; onError?: (error: unknown) => void; onStatus?: (status: SaveStatus) => void } = {},
): Autosave {
  const delay = options.delayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { id: string; patch: SavePatch } | undefined;

  const write = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const job = pending;
    if (!job) return;
    pending = undefined;
    try {
      await save(job.id, job.patch);
      // A newer change may have arrived while this one was written.
      if (!pending) options.onStatus?.('saved');
    } catch (error) {
      pending ??= job;
      options.onStatus?.('failed');
      options.onError?.(error);
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (!state.projectId) return;
    if (state.projectId !== previous.projectId) return; // just opened: nothing to save yet
    if (state.graph === previous.graph && state.name === previous.name && state.settings === previous.settings) return;
    pending = { id: state.projectId, patch: { name: state.name, graph: state.graph, settings: state.settings } };
    options.onStatus?.('pending');
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void write(), delay);
  });

  return {
    flush: write,
    stop() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
