import { abortError, abortableSleep, isAbortError, linkSignals, raceAbort, throwIfAborted } from './abort';
import { backoffDelay } from './backoff';
import { LMError, isLMError } from './errors';
import { Slots } from './slots';
import type { LM, LMRequest, LMResponse } from './types';

export interface RetryEvent {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: LMError;
}

export interface SchedulerOptions {
  /** Most calls in flight at once (each attempt and its backoff hold one slot). */
  concurrency: number;
  /** Retries after the first attempt; default 5. */
  maxRetries?: number;
  /** First backoff ceiling; default 500 ms, doubling per retry. */
  baseDelayMs?: number;
  /** Largest backoff ceiling; default 30 s. A longer Retry-After still wins. */
  maxDelayMs?: number;
  /** Per-attempt timeout; a timed-out attempt is aborted and counts as retryable. */
  timeoutMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Hears every retry before its backoff starts (logging, adaptive rate limiting). */
  onRetry?: (event: RetryEvent) => void;
}

export interface ScheduledLM extends LM {
  readonly inFlight: number;
  readonly queued: number;
  readonly concurrency: number;
  setConcurrency(concurrency: number): void;
}

const DEFAULTS = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export function withScheduler(lm: LM, options: SchedulerOptions): ScheduledLM {
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`withScheduler: maxRetries must be a non-negative integer, got ${maxRetries}`);
  }
  const { timeoutMs } = options;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    throw new RangeError(`withScheduler: timeoutMs must be positive, got ${timeoutMs}`);
  }
  const policy = {
    baseDelayMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
  };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const slots = new Slots(options.concurrency);

  async function attempt(request: LMRequest): Promise<LMResponse> {
    const { controller, dispose } = linkSignals(request.signal);
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new Error(`timed out after ${timeoutMs} ms`));
          }, timeoutMs);
    try {
      // Racing the signal means a stuck transport cannot hold the caller past an abort.
      return await raceAbort(lm.complete({ ...request, signal: controller.signal }), controller.signal);
    } catch (error) {
      if (request.signal?.aborted) throw abortError(request.signal);
      if (timedOut) {
        const model = request.model ?? lm.model;
        throw new LMError(`LM call with model ${model} timed out after ${timeoutMs} ms`, { kind: 'timeout' });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  async function complete(request: LMRequest): Promise<LMResponse> {
    throwIfAborted(request.signal);
    const release = await slots.acquire(request.signal, request.urgent === true);
    try {
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(request);
        } catch (error) {
          if (isAbortError(error) || !isLMError(error) || !error.retryable) throw error;
          if (retry >= maxRetries) {
            throw error.withMessage(`${error.message} (gave up after ${retry + 1} attempts)`);
          }
          const delayMs = backoffDelay(retry, policy, random, error.retryAfterMs);
          options.onRetry?.({ retry: retry + 1, delayMs, error });
          // An injected sleep may ignore the signal; the race keeps aborts prompt regardless.
          await raceAbort(sleep(delayMs, request.signal), request.signal);
        }
      }
    } finally {
      release();
    }
  }

  return {
    model: lm.model,
    complete,
    get inFlight() {
      return slots.inFlight;
    },
    get queued() {
      return slots.queued;
    },
    get concurrency() {
      return slots.concurrency;
    },
    setConcurrency: (concurrency: number) => slots.setLimit(concurrency),
  };
}
