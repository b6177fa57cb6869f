import { proxy, wrap, type Remote } from 'comlink';
import type { CodeRunner } from '../core/sandbox/types';
import type { CodeBridgeApi, ReplayRequest, ReplayResult, RunCommand, RunWorkerApi, WorkerEvent } from './protocol';

let remote: Remote<RunWorkerApi & CodeBridgeApi> | undefined;
let codeRunner: CodeRunner | undefined;

/** The page's handle on the run worker, started on first use. */
function api(): Remote<RunWorkerApi & CodeBridgeApi> {
  if (!remote) {
    remote = wrap<RunWorkerApi & CodeBridgeApi>(new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'run-worker' }));
    // Sent before any command, so the worker has the sandbox by the time a run needs it.
    if (codeRunner) void remote.provideCodeRunner(proxy(codeRunner));
    // The page always hears online/offline; a worker may not, so the page tells it.
    const worker = remote;
    globalThis.addEventListener?.('online', () => void worker.setOnline(true));
    globalThis.addEventListener?.('offline', () => void worker.setOnline(false));
  }
  return remote;
}

/** Lends the page's code sandbox to the run worker (which has no DOM to make one). */
export function connectCodeRunner(runner: CodeRunner): void {
  codeRunner = runner;
  if (remote) void remote.provideCodeRunner(proxy(runner));
}

/** Sends a command; resolves when the run ends. Events arrive on `onEvent` as they happen. */
export function sendRunCommand(command: RunCommand, onEvent: (event: WorkerEvent) => void = () => undefined): Promise<void> {
  return api().dispatch(command, proxy(onEvent));
}

/** Runs a candidate on one example again in the worker, through the LM cache. */
export function replayExample(request: ReplayRequest): Promise<ReplayResult> {
  return api().replay(request);
}
