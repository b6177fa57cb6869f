import { proxy, wrap, type Remote } from 'comlink';
import type { ReplayRequest, ReplayResult, RunCommand, RunWorkerApi, WorkerEvent } from './protocol';

let remote: Remote<RunWorkerApi> | undefined;

/** The page's handle on the run worker, started on first use. */
function api(): Remote<RunWorkerApi> {
  remote ??= wrap<RunWorkerApi>(new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'run-worker' }));
  return remote;
}

/** Sends a command; resolves when the run ends. Events arrive on `onEvent` as they happen. */
export function sendRunCommand(command: RunCommand, onEvent: (event: WorkerEvent) => void = () => undefined): Promise<void> {
  return api().dispatch(command, proxy(onEvent));
}

/** Runs a candidate on one example again in the worker, through the LM cache. */
export function replayExample(request: ReplayRequest): Promise<ReplayResult> {
  return api().replay(request);
}
