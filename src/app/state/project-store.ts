import { create, useStore } from 'zustand';
import { temporal } from 'zundo';
import { applyGraphEdit, GraphEditError, type GraphEdit } from '../../core/program/edits';
import type { ProgramGraph, ProgramState } from '../../core/program/types';

/** What the store needs of a saved project; a ProjectRecord from src/db fits. */
export interface OpenProject {
  id: string;
  name: string;
  graph: ProgramGraph;
  settings: Record<string, unknown>;
}

export interface ProjectStoreState {
  projectId: string | null;
  name: string;
  graph: ProgramGraph;
  settings: Record<string, unknown>;
  /** Selected node ids on the canvas. UI state: never in undo history. */
  selection: string[];
  /** The last refused edit, in words for the user (a bad connection's reason). */
  notice: string | null;
  /** Whether the open project's latest change is in the database yet. */
  saveStatus: SaveStatus;
  open(project: OpenProject): void;
  close(): void;
  rename(name: string): void;
  setSettings(patch: Record<string, unknown>): void;
  /** Applies a graph edit as one undoable step. Returns false (and sets `notice`) when refused. */
  applyEdit(edit: GraphEdit): boolean;
  /** An optimizer's candidate written into the graph: one undoable step. */
  applyCandidate(state: ProgramState): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  setNotice(notice: string | null): void;
  setSaveStatus(status: SaveStatus): void;
}

export type SaveStatus = 'saved' | 'pending' | 'failed';

const EMPTY_GRAPH: ProgramGraph = { nodes: [], edges: [] };

// Only the graph is tracked: names, settings, selection and notices are not edits to undo.
type Tracked = Pick<ProjectStoreState, 'graph'>;

export const useProjectStore = create<ProjectStoreState>()(
  temporal<ProjectStoreState, [], [], Tracked>(
    (set, get) => ({
      projectId: null,
      name: '',
      graph: EMPTY_GRAPH,
      settings: {},
      selection: [],
      notice: null,
      saveStatus: 'saved',
      open(project) {
        const history = useProjectStore.temporal.getState();
        history.pause();
        set({ projectId: project.id, name: project.name, graph: project.graph, settings: project.settings, selection: [], notice: null, saveStatus: 'saved' });
        history.resume();
        history.clear();
      },
      close() {
        const history = useProjectStore.temporal.getState();
        history.pause();
        set({ projectId: null, name: '', graph: EMPTY_GRAPH, settings: {}, selection: [], notice: null });
        history.resume();
        history.clear();
      },
      rename: (name) => set({ name }),
      setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
      applyEdit(edit) {
        try {
          const graph = applyGraphEdit(get().graph, edit);
          const ids = new Set(graph.nodes.map((n) => n.id));
          set({ graph, notice: null, selection: get().selection.filter((id) => ids.has(id)) });
          return true;
        } catch (error) {
          if (!(error instanceof GraphEditError)) throw error;
          set({ notice: error.message });
          return false;
        }
      },
      applyCandidate(state) {
        get().applyEdit({ type: 'applyState', state });
      },
      undo: () => useProjectStore.temporal.getState().undo(),
      redo: () => useProjectStore.temporal.getState().redo(),
      select: (ids) => set({ selection: ids }),
      setNotice: (notice) => set({ notice }),
      setSaveStatus: (saveStatus) => set({ saveStatus }),
    }),
    {
      partialize: (state): Tracked => ({ graph: state.graph }),
      equality: (past, current) => past.graph === current.graph,
      limit: 200,
    },
  ),
);

/** Whether undo/redo have anything to do, for the toolbar buttons. */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(useProjectStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useProjectStore.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
