import OpenAI from 'openai';
import { LMError } from './errors';
import { fromCompletion, toChatParams } from './openai-request';
import { toLMError } from './openai-errors';
import type { Embedder, EmbeddingsRequest, EmbeddingsResponse, LM, LMRequest, LMResponse, SamplingParams } from './types';

export interface OpenAIClientOptions {
  /** e.g. https://api.openai.com/v1, https://api.groq.com/openai/v1, http://127.0.0.1:8788/v1 */
  baseURL: string;
  /** Omit for servers without auth (Ollama, LM Studio); no Authorization header is sent then. */
  apiKey?: string;
  model: string;
  /** Model for `embed` when the request names none. Defaults to `model`. */
  embeddingModel?: string;
  headers?: Record<string, string>;
  /** The transport. The in-page Demo provider plugs the simulated LM in here. */
  fetch?: typeof fetch;
  defaultParams?: SamplingParams;
  /** Clock for latencyMs and HTTP-date Retry-After; defaults to Date.now. */
  now?: () => number;
}

export type OpenAIClient = LM & Embedder & { listModels(signal?: AbortSignal): Promise<string[]> };

// Sent instead of a key when there is none: the SDK insists on one, and would otherwise fall
// back to OPENAI_API_KEY from the environment and ship the user's real key to a local server.
const NO_KEY = 'no-key';
const CREDENTIAL_HEADER = /auth|key|token|secret/i;

export function createOpenAIClient(options: OpenAIClientOptions): OpenAIClient {
  const { baseURL, apiKey, model } = options;
  if (!baseURL) throw new TypeError('createOpenAIClient: baseURL is required');
  if (!model) throw new TypeError('createOpenAIClient: model is required');
  const now = options.now ?? Date.now;
  const headers: Record<string, string | null> = { ...options.headers };
  const hasOwnAuth = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  if (!apiKey && !hasOwnAuth) headers['Authorization'] = null; // null tells the SDK to drop the header
  // Credentials can also travel in custom headers (Azure's api-key, x-api-key, a bearer token).
  const secrets = [apiKey, ...Object.entries(options.headers ?? {}).filter(([name]) => CREDENTIAL_HEADER.test(name)).map(([, value]) => value)];

  const sdk = new OpenAI({
    baseURL,
    apiKey: apiKey || NO_KEY,
    // Pinned so the SDK does not pick these up from the environment of a Node host.
    organization: null,
    project: null,
    defaultHeaders: headers,
    // Our scheduler owns retries: it shares one budget and one concurrency cap across calls.
    maxRetries: 0,
    // The same code runs in a page, a worker and Node; the key is the user's own, typed by them.
    dangerouslyAllowBrowser: true,
    // Failures surface as LMError; SDK console output would bypass the run's event stream.
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const describe = (what: string, m: string) => `${what} with model ${m} at ${baseURL}`;

  async function complete(request: LMRequest): Promise<LMResponse> {
    const requestModel = request.model ?? model;
    const what = describe('chat completion', requestModel);
    const started = now();
    try {
      const params = toChatParams(request, requestModel, options.defaultParams);
      const body: unknown = await sdk.chat.completions.create(params, signalOption(request.signal));
      return fromCompletion(body, requestModel, now() - started, what);
    } catch (error) {
      throw toLMError(error, { what, signal: request.signal, secrets, nowMs: now() });
    }
  }

  async function embed(request: EmbeddingsRequest): Promise<EmbeddingsResponse> {
    const embedModel = request.model ?? options.embeddingModel ?? model;
    const what = describe('embedding', embedModel);
    try {
      const body: unknown = await sdk.embeddings.create(
        { model: embedModel, input: request.input, encoding_format: 'float' },
        signalOption(request.signal),
      );
      return { vectors: readEmbeddings(body, request.input.length, what), ...readEmbeddingUsage(body, embedModel) };
    } catch (error) {
      throw toLMError(error, { what, signal: request.signal, secrets, nowMs: now() });
    }
  }

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    const what = `listing models at ${baseURL}`;
    try {
      const ids: string[] = [];
      for await (const entry of sdk.models.list(signalOption(signal))) ids.push(entry.id);
      return ids;
    } catch (error) {
      throw toLMError(error, { what, signal, secrets, nowMs: now() });
    }
  }

  return { model, complete, embed, listModels };
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

/** The reply's model and `usage.prompt_tokens`; a provider that reports none is metered as 0 tokens. */
function readEmbeddingUsage(body: unknown, requested: string): Pick<EmbeddingsResponse, 'model' | 'usage'> {
  const { model, usage } = (typeof body === 'object' && body !== null ? body : {}) as { model?: unknown; usage?: { prompt_tokens?: unknown } | null };
  const raw = usage?.prompt_tokens;
  const tokens = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : 0;
  return { model: typeof model === 'string' && model !== '' ? model : requested, usage: { promptTokens: tokens, completionTokens: 0, totalTokens: tokens } };
}

function readEmbeddings(body: unknown, expected: number, what: string): number[][] {
  const data: unknown = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data) || data.length !== expected) {
    throw new LMError(`${what} failed: expected ${expected} embeddings in "data"`, { kind: 'malformed' });
  }
  const vectors: number[][] = new Array<number[]>(expected);
  data.forEach((item: unknown, position) => {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    const slot = typeof index === 'number' ? index : position;
    if (!Array.isArray(embedding) || slot < 0 || slot >= expected) {
      throw new LMError(`${what} failed: data[${position}] is not an embedding`, { kind: 'malformed' });
    }
    vectors[slot] = embedding as number[];
  });
  // Duplicate indexes would leave a hole that reads as undefined much later.
  const missing = vectors.findIndex((v) => v === undefined);
  if (missing !== -1) {
    throw new LMError(`${what} failed: no embedding for input ${missing}`, { kind: 'malformed' });
  }
  return vectors;
}
