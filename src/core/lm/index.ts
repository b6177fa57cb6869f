export type {
  ChatMessage,
  Embedder,
  EmbeddingsRequest,
  LM,
  LMRequest,
  LMResponse,
  ResponseFormat,
  Role,
  SamplingParams,
  Usage,
} from './types';
export { ZERO_USAGE, addUsage } from './types';
export { LMError, isLMError, isRetryableStatus, redactSecrets, type LMErrorInit, type LMErrorKind } from './errors';
export { abortError, isAbortError } from './abort';
export { parseRetryAfter } from './retry-after';
export { createOpenAIClient, type OpenAIClient, type OpenAIClientOptions } from './openai-client';
export { cacheKey, withCache, MemoryCacheStore, type CacheEntry, type CacheOptions, type CacheStore } from './cache';
export { backoffDelay, type BackoffPolicy } from './backoff';
export { withScheduler, type RetryEvent, type ScheduledLM, type SchedulerOptions } from './scheduler';
export { UsageMeter, withUsage, type CostedUsage, type UsageTotals } from './usage';
export {
  DEFAULT_PRICES,
  LOCAL_PRICE,
  PRICES_AS_OF,
  costOf,
  isLocalBaseURL,
  priceOf,
  type ModelPrice,
  type PriceTable,
} from './prices';
export { createLM, type LMStack, type LMStackOptions } from './stack';
