import { createLM, createOpenAIClient, UsageMeter, type CacheStore, type LMStack } from '../core/lm';
import { createFileCacheStore, DEFAULT_CACHE_DIR } from './file-cache';
import { numberFlag, requireFlag } from './args';
import type { Io } from './io';

export const lmFlagSpec = {
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key': { type: 'string' },
  concurrency: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

export interface LMFlags {
  'base-url'?: string;
  model?: string;
  'api-key'?: string;
  concurrency?: string;
  'timeout-ms'?: string;
  'cache-dir'?: string;
  'no-cache'?: boolean;
}

/**
 * LM responses are cached on disk by default, as DSPy does (its ~/.dspy_cache): a rerun costs
 * nothing. The key never includes the API key or the base URL.
 */
export function cacheFromFlags(flags: LMFlags): CacheStore | undefined {
  return flags['no-cache'] ? undefined : createFileCacheStore({ dir: flags['cache-dir'] ?? DEFAULT_CACHE_DIR });
}

/** The LM stack from flags; the key comes from --api-key or OPENAI_API_KEY and goes nowhere else. */
export function lmFromFlags(flags: LMFlags, io: Io): { lm: LMStack; meter: UsageMeter; concurrency: number } {
  const baseURL = requireFlag(flags['base-url'], 'base-url', 'e.g. http://127.0.0.1:8788/v1 for `prompt-studio sim`');
  const model = requireFlag(flags.model, 'model');
  const concurrency = numberFlag(flags.concurrency, 'concurrency', { min: 1, max: 256, integer: true }) ?? 8;
  const timeoutMs = numberFlag(flags['timeout-ms'], 'timeout-ms', { min: 1 }) ?? 120_000;
  const meter = new UsageMeter();
  const client = createOpenAIClient({ baseURL, model, apiKey: flags['api-key'] ?? io.env.OPENAI_API_KEY });
  const lm = createLM({ client, cacheStore: cacheFromFlags(flags), scheduler: { concurrency, timeoutMs }, meter });
  return { lm, meter, concurrency };
}
