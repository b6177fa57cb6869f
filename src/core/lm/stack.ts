import { withCache, type CacheOptions, type CacheStore } from './cache';
import { withCacheWrite } from './cache-write';
import { withScheduler, type ScheduledLM, type SchedulerOptions } from './scheduler';
import type { LM } from './types';
import { withUsage, type UsageMeter } from './usage';

export interface LMStackOptions {
  /** The transport, usually `createOpenAIClient(...)`. */
  client: LM;
  /** Omit to run without a cache. */
  cacheStore?: CacheStore;
  cacheOptions?: CacheOptions;
  scheduler: SchedulerOptions;
  /** Omit to skip usage accounting. */
  meter?: UsageMeter;
}

export interface LMStack extends LM {
  /** The scheduler layer, for reading the queue and changing concurrency at runtime. */
  readonly scheduler: ScheduledLM;
  readonly meter: UsageMeter | undefined;
}

/**
 * usage → cache lookup → scheduler → cache write → client. Lookups sit above the scheduler so a
 * hit never waits for, or occupies, a concurrency slot; writes sit below it so a call holds its
 * slot until its reply is stored: a reload then loses at most `concurrency` paid replies. Usage
 * sits on top so it sees hits as well as misses.
 */
export function createLM(options: LMStackOptions): LMStack {
  const store = options.cacheStore;
  const client = store ? withCacheWrite(options.client, store, options.cacheOptions) : options.client;
  const scheduler = withScheduler(client, options.scheduler);
  const cached = store ? withCache(scheduler, store, { ...options.cacheOptions, write: false }) : scheduler;
  const top = options.meter ? withUsage(cached, options.meter) : cached;
  return {
    model: options.client.model,
    complete: (request) => top.complete(request),
    scheduler,
    meter: options.meter,
  };
}
