import { createFineTuner, type FineTuner } from '../core/lm/finetune';
import { createOpenAIClient, type OpenAIClient } from '../core/lm/openai-client';
import { DEFAULT_PRICES, isLocalBaseURL, LOCAL_PRICE, type PriceTable } from '../core/lm/prices';
import { DEFAULT_EMBEDDING_MODEL } from '../core/retrieve/embedding';
import { createSimFetch } from '../sim';
import type { ProviderSpec } from './protocol';

/** The in-page simulator's address: never contacted, the sim's fetch answers in-process. */
export const DEMO_BASE_URL = 'http://demo.local/v1';

/** The transport for one model of a provider. */
export function clientFor(provider: ProviderSpec, model: string): OpenAIClient {
  switch (provider.kind) {
    case 'demo':
      return createOpenAIClient({ baseURL: DEMO_BASE_URL, model, fetch: createSimFetch({ latencyMs: provider.latencyMs ?? 30 }) });
    case 'http':
      return createOpenAIClient({ baseURL: provider.baseURL, model, ...(provider.apiKey ? { apiKey: provider.apiKey } : {}) });
    default: {
      const never: never = provider;
      throw new Error(`unknown provider kind ${JSON.stringify(never)}`);
    }
  }
}

/** The provider's files + fine-tuning jobs API (BootstrapFinetune); the Demo provider simulates it. */
export function fineTunerFor(provider: ProviderSpec): FineTuner {
  switch (provider.kind) {
    case 'demo':
      return createFineTuner({ baseURL: DEMO_BASE_URL, fetch: createSimFetch({ latencyMs: provider.latencyMs ?? 30 }), poll: { initialDelayMs: 200 } });
    case 'http':
      return createFineTuner({ baseURL: provider.baseURL, ...(provider.apiKey ? { apiKey: provider.apiKey } : {}) });
    default: {
      const never: never = provider;
      throw new Error(`unknown provider kind ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The price table for a run: the simulator and servers on this machine cost nothing, so their
 * models are priced at zero rather than shown as "unknown cost".
 */
export function pricesFor(provider: ProviderSpec): PriceTable {
  const free = provider.kind === 'demo' || isLocalBaseURL(provider.baseURL);
  if (!free) return DEFAULT_PRICES;
  // The default embeddings model too: embedding search on these providers is metered and free.
  const models = [provider.taskModel, provider.promptModel ?? provider.taskModel, DEFAULT_EMBEDDING_MODEL];
  return { ...DEFAULT_PRICES, ...Object.fromEntries(models.map((m) => [m, LOCAL_PRICE])) };
}
