export type Role = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: Role;
  content: string;
}

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };

/** Sampling parameters. Part of the cache key. */
export interface SamplingParams {
  temperature?: number;
  maxTokens?: number;
  n?: number;
  responseFormat?: ResponseFormat;
}

export interface LMRequest extends SamplingParams {
  messages: ChatMessage[];
  /**
   * Distinguishes otherwise identical requests (fresh samples). In the cache key; the OpenAI
   * client sends it as `seed` so the provider sees distinct requests too.
   */
  rolloutId?: number;
  /** Model override for this call; defaults to the LM's own model. */
  model?: string;
  /** `false` skips the cache for this call (read and write). */
  cache?: boolean;
  /**
   * Waits for a concurrency slot ahead of ordinary calls: for a chain of calls each waiting on
   * the one before (a dataset summary, a reflection) that the run's next step waits on, while
   * independent work fills the other slots. Not sent, not in the cache key.
   */
  urgent?: boolean;
  signal?: AbortSignal;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface LMResponse {
  /** One text per choice (n). */
  texts: string[];
  model: string;
  usage: Usage;
  /** True when this response came from the cache: `usage` is then what the hit saved. */
  cached: boolean;
  latencyMs: number;
  finishReason?: string;
}

/** What the engine calls. Implementations stack (see stack.ts): usage -> cache -> scheduler -> client. */
export interface LM {
  readonly model: string;
  complete(request: LMRequest): Promise<LMResponse>;
}

export interface EmbeddingsRequest {
  input: string[];
  model?: string;
  signal?: AbortSignal;
}

/** One embeddings reply: a vector per input, in order, and what the request spent. */
export interface EmbeddingsResponse {
  vectors: number[][];
  /** The model that embedded, as the provider named it (the requested one when it did not). */
  model: string;
  /** The provider's `usage.prompt_tokens` (embeddings have no completion); zeros when it reported none. */
  usage: Usage;
}

export interface Embedder {
  embed(request: EmbeddingsRequest): Promise<EmbeddingsResponse>;
  /**
   * Told when a cache served vectors instead of this embedder: `usage` is what those texts cost
   * when they were embedded. A metered embedder counts it as saved, as an LM cache hit is.
   */
  cacheHit?(model: string, usage: Usage): void;
}

export const ZERO_USAGE: Usage = Object.freeze({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}
