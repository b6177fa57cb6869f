import type { Usage } from './types';

/** USD per one million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** Model id → price. Plain data so the settings screen can edit it and a project can save it. */
export type PriceTable = Record<string, ModelPrice>;

export const LOCAL_PRICE: ModelPrice = Object.freeze({ input: 0, output: 0 });

/** When the prices below were read off the providers' public pricing pages. */
export const PRICES_AS_OF = '2026-03';

/**
 * Editable estimates, not a bill: providers change prices, add cached-input and batch discounts
 * and tier long contexts, none of which is modelled here. Users override entries in settings.
 * A model missing from the table has an unknown cost (`undefined`), never a made-up 0.
 */
export const DEFAULT_PRICES: Readonly<PriceTable> = Object.freeze({
  // OpenAI
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  // Groq
  'llama-3.1-8b-instant': { input: 0.05, output: 0.08 },
  'llama-3.3-70b-versatile': { input: 0.59, output: 0.79 },
  // OpenRouter (passes the upstream provider's price through)
  'openai/gpt-4o-mini': { input: 0.15, output: 0.6 },
  'openai/gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'openai/gpt-5-mini': { input: 0.25, output: 2 },
  // Together
  'meta-llama/Llama-3.3-70B-Instruct-Turbo': { input: 0.88, output: 0.88 },
  'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo': { input: 0.18, output: 0.18 },
});

// OpenAI answers with dated snapshots ("gpt-4o-mini-2024-07-18") priced like their alias.
const DATED_SNAPSHOT = /-\d{4}-\d{2}-\d{2}$/;

export function priceOf(model: string, table: Readonly<PriceTable> = DEFAULT_PRICES): ModelPrice | undefined {
  return lookup(table, model) ?? lookup(table, model.replace(DATED_SNAPSHOT, ''));
}

/** USD for `usage` on `model`, or undefined when the table does not know the model. */
export function costOf(model: string, usage: Usage, table: Readonly<PriceTable> = DEFAULT_PRICES): number | undefined {
  const price = priceOf(model, table);
  if (!price) return undefined;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}

function lookup(table: Readonly<PriceTable>, model: string): ModelPrice | undefined {
  // hasOwn: a model called "constructor" must not find Object.prototype's.
  return Object.hasOwn(table, model) ? table[model] : undefined;
}

/**
 * Whether a base URL points at this machine or the local network, where models cost nothing.
 * Settings use it to suggest LOCAL_PRICE for a provider's models.
 */
export function isLocalBaseURL(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host === '[::1]' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host)
  );
}
