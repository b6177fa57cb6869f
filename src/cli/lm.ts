import { createLM, createOpenAIClient, MemoryCacheStore, UsageMeter, type LMStack } from '../core/lm';
import { numberFlag, requireFlag } from './args';
import type { Io } from './io';

export const lmFlagSpec = {
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key': { type: 'string' },
  concurrency: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;

export interface LMFlags {
  'base-url'?: string;
  model?: string;
  'api-key'?: string;
  concurrency?: string;
  'timeout-ms'?: string;
}

/** The LM stack from flags; the key comes from --api-key or OPENAI_API_KEY and goes nowhere else. */
export function lmFromFlags(flags: LMFlags, io: Io): { lm: LMStack; meter: UsageMeter; concurrency: number } {
  const baseURL = requireFlag(flags['base-url'], 'base-url', 'e.g. http://127.0.0.1:8788/v1 for `prompt-studio sim`');
  const model = requireFlag(flags.model, 'model');
  const concurrency = numberFlag(flags.concurrency, 'concurrency', { min: 1, max: 256, integer: true }) ?? 8;
  const timeoutMs = numberFlag(flags['timeout-ms'], 'timeout-ms', { min: 1 }) ?? 120_000;
  const meter = new UsageMeter();
  const client = createOpenAIClient({ baseURL, model, apiKey: flags['api-key'] ?? io.env.OPENAI_API_KEY });
  const lm = createLM({ client, cacheStore: new MemoryCacheStore(), scheduler: { concurrency, timeoutMs }, meter });
  return { lm, meter, concurrency };
}
