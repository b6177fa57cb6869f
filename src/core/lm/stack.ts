import { withCache, type CacheOptions, type CacheStore } from './cache';
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
 * usage → cache → scheduler → client. The cache sits above the scheduler so a hit never waits
 * for, or occupies, a concurrency slot; usage sits on top so it sees hits as well as misses.
 */
export function createLM(options: LMStackOptions): LMStack {
  const scheduler = withScheduler(options.client, options.scheduler);
  const cached = options.cacheStore ? withCache(scheduler, options.cacheStore, options.cacheOptions) : scheduler;
  const top = options.meter ? withUsage(cached, options.meter) : cached;
  return {
    model: options.client.model,
    complete: (request) => top.complete(request),
    scheduler,
    meter: options.meter,
  };
}
