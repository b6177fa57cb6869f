import { abortError, onAbort, throwIfAborted } from './abort';
import { cacheKey, withKnownKey } from './cache-key';
import type { CacheEntry, CacheStore } from './cache-store';
import { storeReply } from './cache-write';
import type { LM, LMRequest, LMResponse } from './types';

export { cacheKey } from './cache-key';
export type { CacheEntry, CacheStore } from './cache-store';
export { MemoryCacheStore } from './cache-store';

export interface CacheOptions {
  now?: () => number;
  /** A failing store degrades to "no cache" instead of failing the call; this hears about it. */
  onStoreError?: (error: unknown, operation: 'get' | 'set') => void;
  /** False when a `withCacheWrite` layer below (under the scheduler) stores the replies instead. */
  write?: boolean;
}

interface Waiter {
  startedAt: number;
  resolve(response: LMResponse): void;
  reject(error: unknown): void;
}

/** One underlying call shared by every concurrent caller with the same key. */
interface Flight {
  controller: AbortController;
  waiters: Set<Waiter>;
}

export function withCache(lm: LM, store: CacheStore, options: CacheOptions = {}): LM {
  const now = options.now ?? Date.now;
  const flights = new Map<string, Flight>();

  async function lookup(key: string): Promise<CacheEntry | undefined> {
    try {
      return await store.get(key);
    } catch (error) {
      options.onStoreError?.(error, 'get');
      return undefined;
    }
  }

  async function fetchOnce(key: string, request: LMRequest, signal: AbortSignal): Promise<LMResponse> {
    const started = now();
    const entry = await lookup(key);
    if (entry) return replay(entry, now() - started);
    throwIfAborted(signal);
    const response = await lm.complete(withKnownKey({ ...request, signal }, key));
    if (options.write !== false) await storeReply(store, key, response, options);
    return response;
  }

  function start(key: string, request: LMRequest): Flight {
    const flight: Flight = { controller: new AbortController(), waiters: new Set() };
    flights.set(key, flight);
    const finish = () => {
      if (flights.get(key) === flight) flights.delete(key);
    };
    fetchOnce(key, request, flight.controller.signal).then(
      (response) => {
        finish();
        let first = true;
        for (const waiter of flight.waiters) {
          // Only one caller actually spent the tokens; the rest were served by its call.
          waiter.resolve(first ? response : { ...response, texts: [...response.texts], usage: { ...response.usage }, cached: true, latencyMs: now() - waiter.startedAt });
          first = false;
        }
      },
      (error: unknown) => {
        finish();
        for (const waiter of flight.waiters) waiter.reject(error);
      },
    );
    return flight;
  }

  function join(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<LMResponse> {
    return new Promise<LMResponse>((resolve, reject) => {
      const off = signal
        ? onAbort(signal, () => {
            flight.waiters.delete(waiter);
            reject(abortError(signal));
            // The shared call is only cancelled when nobody is left waiting for it.
            if (flight.waiters.size === 0) {
              if (flights.get(key) === flight) flights.delete(key);
              flight.controller.abort();
            }
          })
        : undefined;
      const waiter: Waiter = {
        startedAt: now(),
        resolve: (response) => {
          off?.();
          resolve(response);
        },
        reject: (error) => {
          off?.();
          reject(error);
        },
      };
      flight.waiters.add(waiter);
    });
  }

  async function complete(request: LMRequest): Promise<LMResponse> {
    if (request.cache === false) return lm.complete(request);
    throwIfAborted(request.signal);
    const key = await cacheKey(request.model ?? lm.model, request);
    throwIfAborted(request.signal);
    // No await between the lookup and the registration, so identical calls cannot both start.
    const flight = flights.get(key) ?? start(key, request);
    return join(key, flight, request.signal);
  }

  return { model: lm.model, complete };
}

function replay(entry: CacheEntry, latencyMs: number): LMResponse {
  const response: LMResponse = {
    texts: [...entry.texts],
    model: entry.model,
    usage: { ...entry.usage },
    cached: true,
    latencyMs,
  };
  if (entry.finishReason !== undefined) response.finishReason = entry.finishReason;
  return response;
}
