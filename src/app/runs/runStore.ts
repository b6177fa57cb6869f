import { create } from 'zustand';
import type { WorkerEvent } from '../../worker/protocol';
import { frameBatch } from './frame-batch';
import { reduceRun, type LiveRun } from './live-run';

interface RunState {
  run: LiveRun | undefined;
  selectedTrial: number | undefined;
  start(run: LiveRun): void;
  /** Queues a worker event; the queue is folded into the run once per animation frame. */
  receive(event: WorkerEvent): void;
  selectTrial(index: number | undefined): void;
}

/** Run state lives here, apart from the project store, so it never enters undo history. */
export const useRunStore = create<RunState>((set) => {
  const events = frameBatch<WorkerEvent>((batch) => set((s) => (s.run ? { run: batch.reduce(reduceRun, s.run) } : {})));
  return {
    run: undefined,
    selectedTrial: undefined,
    start: (run) => {
      // Events still queued belong to the run in view until now: they land before it is replaced.
      events.flush();
      set({ run, selectedTrial: undefined });
    },
    receive: (event) => events.push(event),
    selectTrial: (index) => set({ selectedTrial: index }),
  };
});
