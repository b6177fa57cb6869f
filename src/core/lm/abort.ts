/**
 * Abort plumbing shared by the scheduler, the cache and the client. Every cancellation rejects
 * with an error named 'AbortError', the name `fetch` uses, so one check serves all callers.
 */

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The signal's own reason when it is already an AbortError, otherwise a fresh one. */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && isAbortError(reason)) return reason;
  const error = new Error(
    reason instanceof Error ? `The LM call was aborted: ${reason.message}` : 'The LM call was aborted',
  );
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Settles with `promise`, or rejects with an AbortError as soon as `signal` aborts, whichever
 * comes first. Callers stop waiting even if the work underneath ignores the signal.
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * setTimeout as a promise that rejects with an AbortError when `signal` aborts. It never
 * resolves early: timers may fire up to a millisecond before their time, and a Retry-After
 * wait is a promise to the server that we keep exactly.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const until = performance.now() + Math.max(0, ms);
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const wait = () => {
      const left = until - performance.now();
      if (left > 0) {
        timer = setTimeout(wait, Math.ceil(left));
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    wait();
  });
}

/**
 * A signal that aborts when any of `signals` does. `dispose` detaches the listeners so a
 * long-lived parent signal does not accumulate one listener per finished call.
 */
export function linkSignals(...signals: Array<AbortSignal | undefined>): {
  controller: AbortController;
  dispose: () => void;
} {
  const controller = new AbortController();
  const detach: Array<() => void> = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    detach.push(() => signal.removeEventListener('abort', onAbort));
  }
  return { controller, dispose: () => detach.forEach((fn) => fn()) };
}
