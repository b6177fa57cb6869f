import { proxy } from 'comlink';

/**
 * A progress callback to hand a worker, and the call that ends it. The worker's progress calls
 * travel on the callback's own message port and its result on the worker's, and the browser
 * does not order messages across ports: a last `onProgress(1)` can arrive after the result.
 * Once `settle()` has run the callback ignores whatever still arrives, so a finished upload
 * never shows (or stays disabled by) a progress bar again.
 */
export function workerProgress(onProgress: (fraction: number) => void): { callback: (fraction: number) => void; settle: () => void } {
  let settled = false;
  return {
    callback: proxy((fraction: number) => {
      if (!settled) onProgress(fraction);
    }),
    settle: () => {
      settled = true;
    },
  };
}

/** Runs `call` with a progress callback that goes quiet as soon as the call settles. */
export async function withWorkerProgress<T>(onProgress: (fraction: number) => void, call: (callback: (fraction: number) => void) => Promise<T>): Promise<T> {
  const progress = workerProgress(onProgress);
  try {
    return await call(progress.callback);
  } finally {
    progress.settle();
  }
}
