import { Worker } from 'node:worker_threads';
import { abortedMessage, failure, MAX_LOG_LINES, prepareRun, timeoutMessage } from '../core/sandbox/script';
import type { CodeRunner, CodeRunRequest, CodeRunResult } from '../core/sandbox/types';
import { WORKER_SOURCE } from './code-runner-worker';

interface WorkerReply {
  id: number;
  ok: boolean;
  json?: string;
  error?: string;
  logs?: string[];
}

export interface NodeCodeRunner extends CodeRunner {
  /** Stops the worker thread; a later run starts a new one. */
  close(): Promise<void>;
}

export interface NodeCodeRunnerOptions {
  /** The worker's heap limit; code that allocates past it fails with an out-of-memory message. */
  maxMemoryMb?: number;
}

/**
 * The CLI's sandbox: one worker thread, reused, running one request at a time in a fresh
 * `node:vm` context (see code-runner-worker.ts). The time limit is enforced from outside: when it
 * passes, the worker is terminated — which ends `while (true) {}` and never-settling promises
 * alike — and the next request starts a new one. The worker never keeps the process alive.
 */
export function createNodeCodeRunner(options: NodeCodeRunnerOptions = {}): NodeCodeRunner {
  let worker: Worker | undefined;
  // Resolves once the thread runs: the time limit covers the code, not a thread's start-up.
  const online = new WeakMap<Worker, Promise<void>>();
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let pending: { id: number; settle: (reply: WorkerReply | Error) => void } | undefined;

  function spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 128 } });
    w.unref();
    online.set(w, new Promise((resolve) => {
      w.once('online', () => resolve());
      w.once('exit', () => resolve());
    }));
    w.on('message', (reply: WorkerReply) => {
      if (pending && reply.id === pending.id) pending.settle(reply);
    });
    w.on('error', (error) => {
      if (worker === w) worker = undefined;
      pending?.settle(error);
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      pending?.settle(new Error('the sandbox stopped unexpectedly'));
    });
    return w;
  }

  async function kill(w: Worker) {
    if (worker === w) worker = undefined;
    await w.terminate();
  }

  async function runOne(request: CodeRunRequest): Promise<CodeRunResult> {
    const prepared = prepareRun(request);
    if ('result' in prepared) return prepared.result;
    const { label, script } = prepared;
    const w = (worker ??= spawn());
    await online.get(w);
    if (request.signal?.aborted) return { ok: false, error: abortedMessage(label) };
    const id = nextId++;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const outcome = await new Promise<WorkerReply | Error | 'timeout' | 'aborted'>((resolve) => {
      pending = { id, settle: resolve };
      timer = setTimeout(() => resolve('timeout'), script.timeoutMs);
      onAbort = () => resolve('aborted');
      request.signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage({ id, source: script.source, argsJson: script.argsJson, label, timeoutMs: script.timeoutMs, maxLogs: MAX_LOG_LINES });
    });
    pending = undefined;
    clearTimeout(timer);
    if (onAbort) request.signal?.removeEventListener('abort', onAbort);
    if (outcome === 'timeout' || outcome === 'aborted') {
      // The code may be spinning: only terminating the thread stops it.
      await kill(w);
      return { ok: false, error: outcome === 'timeout' ? timeoutMessage(label, script.timeoutMs) : abortedMessage(label) };
    }
    if (outcome instanceof Error) {
      await kill(w);
      const memory = (outcome as Error & { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      return failure(label, memory ? 'it ran out of memory' : outcome.message);
    }
    const logs = outcome.logs && outcome.logs.length > 0 ? { logs: outcome.logs } : {};
    if (!outcome.ok) return failure(label, outcome.error ?? 'unknown error', outcome.logs);
    return { ok: true, value: outcome.json === undefined ? undefined : (JSON.parse(outcome.json) as unknown), ...logs };
  }

  return {
    run(request) {
      // One at a time: a timeout terminates the thread, which must not take a neighbour down with it.
      const result = queue.then(() => runOne(request));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      if (worker) await kill(worker);
    },
  };
}
