import { create } from 'zustand';
import type { WorkerEvent } from '../../worker/protocol';
import { reduceRun, type LiveRun } from './live-run';

interface RunState {
  run: LiveRun | undefined;
  selectedTrial: number | undefined;
  start(run: LiveRun): void;
  receive(event: WorkerEvent): void;
  selectTrial(index: number | undefined): void;
}

/** Run state lives here, apart from the project store, so it never enters undo history. */
export const useRunStore = create<RunState>((set) => ({
  run: undefined,
  selectedTrial: undefined,
  start: (run) => set({ run, selectedTrial: undefined }),
  receive: (event) => set((s) => (s.run ? { run: reduceRun(s.run, event) } : {})),
  selectTrial: (index) => set({ selectedTrial: index }),
}));
