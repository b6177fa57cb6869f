import { abortError, abortableSleep, isAbortError, onAbort, raceAbort, throwIfAborted } from './abort';
import { backoffDelay } from './backoff';
import { isLMError } from './errors';
import { Slots } from './slots';
import type { LM, LMRequest, LMResponse } from './types';

/**
 * Flow control under the scheduler: a pause gate (the host closes it while offline) and an
 * adaptive concurrency limit (AIMD) that a 429 storm halves and successes raise again. It sits
 * between the scheduler and the transport, so a call waiting here still holds its scheduler
 * slot and the run's order of work is unchanged: results never depend on how long we waited.
 */

/** Closed while the host cannot reach the provider (offline). Core never looks at the DOM. */
export interface PauseGate {
  readonly paused: boolean;
  /** Resolves at once when open, otherwise when the gate reopens; rejects on abort. */
  whenOpen(signal?: AbortSignal): Promise<void>;
}

export interface ControllablePauseGate extends PauseGate {
  pause(): void;
  resume(): void;
}

export function createPauseGate(paused = false): ControllablePauseGate {
  let waiters: (() => void)[] = [];
  let closed = paused;
  return {
    get paused() {
      return closed;
    },
    pause() {
      closed = true;
    },
    resume() {
      closed = false;
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    },
    whenOpen(signal) {
      throwIfAborted(signal);
      if (!closed) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const off = signal ? onAbort(signal, () => reject(abortError(signal))) : undefined;
        waiters.push(() => {
          off?.();
          resolve();
        });
      });
    },
  };
}

export interface AdaptiveLimitOptions {
  /** The ceiling (the run's concurrency setting); the limit starts here. */
  max: number;
  /** Default 1: the limit never goes lower. */
  min?: number;
}

/** One admitted call; `rateLimited` reports its 429, `done` frees the slot (twice is harmless). */
export interface FlowTicket {
  rateLimited(): void;
  succeeded(): void;
  done(): void;
}

export interface AdaptiveLimit {
  readonly limit: number;
  readonly inFlight: number;
  acquire(signal?: AbortSignal, urgent?: boolean): Promise<FlowTicket>;
}

/**
 * Additive increase, multiplicative decrease. A storm counts once: only a 429 from a call
 * admitted after the last cut halves the limit, so twenty 429s that were all in flight together
 * cut it once. Each `limit` successes in a row add one slot back, up to `max`.
 */
export function createAdaptiveLimit(options: AdaptiveLimitOptions): AdaptiveLimit {
  const min = options.min ?? 1;
  if (!Number.isInteger(options.max) || options.max < 1) throw new RangeError(`adaptive limit: max must be a positive integer, got ${options.max}`);
  if (!Number.isInteger(min) || min < 1 || min > options.max) throw new RangeError(`adaptive limit: min must be an integer in [1, max], got ${min}`);
  const slots = new Slots(options.max);
  let epoch = 0;
  let streak = 0;

  return {
    get limit() {
      return slots.concurrency;
    },
    get inFlight() {
      return slots.inFlight;
    },
    async acquire(signal, urgent) {
      const release = await slots.acquire(signal, urgent);
      const admittedIn = epoch;
      return {
        rateLimited() {
          streak = 0;
          if (admittedIn !== epoch) return;
          epoch++;
          slots.setLimit(Math.max(min, Math.floor(slots.concurrency / 2)));
        },
        succeeded() {
          streak++;
          if (streak >= slots.concurrency && slots.concurrency < options.max) {
            streak = 0;
            slots.setLimit(slots.concurrency + 1);
          }
        },
        done: release,
      };
    },
  };
}

export interface FlowControlOptions {
  gate?: PauseGate;
  limit?: AdaptiveLimit;
  /** 429s retried here, after the limit was cut and Retry-After waited out; default 8. Later ones reach the scheduler. */
  maxRateLimitRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

function isRateLimit(error: unknown): boolean {
  return isLMError(error) && error.status === 429;
}

function isUnreachable(error: unknown): boolean {
  return isLMError(error) && (error.kind === 'network' || error.kind === 'timeout');
}

/** The transport behind a pause gate and an adaptive limit (see the file comment). */
export function withFlowControl(lm: LM, options: FlowControlOptions): LM {
  const maxRetries = options.maxRateLimitRetries ?? 8;
  const policy = { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 30_000 };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const { gate, limit } = options;

  async function complete(request: LMRequest): Promise<LMResponse> {
    for (let retry = 0; ; ) {
      if (gate) await gate.whenOpen(request.signal);
      const ticket = limit ? await limit.acquire(request.signal, request.urgent === true) : undefined;
      try {
        const response = await lm.complete(request);
        ticket?.succeeded();
        return response;
      } catch (error) {
        // Cut the limit before freeing the slot, so no waiter slips in at the old limit.
        if (isRateLimit(error)) ticket?.rateLimited();
        ticket?.done();
        if (isAbortError(error) || request.signal?.aborted) throw isAbortError(error) ? error : abortError(request.signal);
        // Lost because we went offline: wait for the network, and do not spend a retry on it.
        if (gate?.paused && isUnreachable(error)) continue;
        if (!isRateLimit(error) || retry >= maxRetries) throw error;
        const retryAfterMs = isLMError(error) ? error.retryAfterMs : undefined;
        await raceAbort(sleep(backoffDelay(retry, policy, random, retryAfterMs), request.signal), request.signal);
        retry++;
      } finally {
        ticket?.done();
      }
    }
  }

  return { model: lm.model, complete };
}
