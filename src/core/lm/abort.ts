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

const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `fn` when `signal` aborts; returns the unsubscribe. Every subscriber of one signal shares
 * ONE real listener: a run queues hundreds of calls on the same signal, and a listener each would
 * pile up on it (Node warns past ten, and each abort would walk them all).
 */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let set = subscribers.get(signal);
  if (!set) {
    const fresh = new Set<() => void>();
    subscribers.set(signal, fresh);
    signal.addEventListener(
      'abort',
      () => {
        subscribers.delete(signal);
        for (const subscriber of [...fresh]) subscriber();
      },
      { once: true },
    );
    set = fresh;
  }
  const entry = () => fn();
  set.add(entry);
  const owner = set;
  return () => {
    owner.delete(entry);
  };
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
    const off = onAbort(signal, () => reject(abortError(signal)));
    promise.then(
      (value) => {
        off();
        resolve(value);
      },
      (error: unknown) => {
        off();
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
    const off = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(abortError(signal));
        })
      : undefined;
    const wait = () => {
      const left = until - performance.now();
      if (left > 0) {
        timer = setTimeout(wait, Math.ceil(left));
        return;
      }
      off?.();
      resolve();
    };
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
    detach.push(onAbort(signal, () => controller.abort(signal.reason)));
  }
  return { controller, dispose: () => detach.forEach((fn) => fn()) };
}
