import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { LMError } from './errors';
import type { LMRequest, LMResponse, SamplingParams, Usage } from './types';
import { ZERO_USAGE } from './types';

/** OpenAI's o-series and gpt-5 models, under their own ids or an OpenRouter-style `openai/` prefix. */
export function usesCompletionTokenLimit(model: string): boolean {
  return /^(openai\/)?(o\d|gpt-5)/.test(model);
}

/** LMRequest (camelCase, ours) to the chat.completions body (snake_case, OpenAI's). */
export function toChatParams(
  request: LMRequest,
  model: string,
  defaults: SamplingParams | undefined,
): ChatCompletionCreateParamsNonStreaming {
  const temperature = request.temperature ?? defaults?.temperature;
  const maxTokens = request.maxTokens ?? defaults?.maxTokens;
  const n = request.n ?? defaults?.n;
  const responseFormat = request.responseFormat ?? defaults?.responseFormat;

  const params: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (temperature !== undefined) params.temperature = temperature;
  if (maxTokens !== undefined) {
    // OpenAI's reasoning models refuse `max_tokens`; every other OpenAI-compatible server still
    // expects it (many do not know the newer name).
    if (usesCompletionTokenLimit(model)) params.max_completion_tokens = maxTokens;
    else params.max_tokens = maxTokens;
  }
  if (n !== undefined) params.n = n;
  if (responseFormat !== undefined) params.response_format = responseFormat;
  // DSPy strips rollout_id before the request because its only job there is to split the cache.
  // We send it as `seed` instead: otherwise two rollouts are byte-identical requests, and any
  // cache between us and the model (a provider's prompt cache, a proxy, the deterministic sim)
  // may hand both the same sample, defeating the point of asking for a fresh one.
  if (request.rolloutId !== undefined) params.seed = request.rolloutId;
  return params;
}

/**
 * Checks the body really is a chat completion before trusting it: a gateway can answer 200 with
 * an HTML page or `{}`, and the SDK then hands back a string or an object without choices.
 */
export function fromCompletion(
  body: unknown,
  requestedModel: string,
  latencyMs: number,
  what: string,
): LMResponse {
  if (typeof body !== 'object' || body === null) {
    const kind = body === undefined || body === null || body === '' ? 'an empty body' : `a ${typeof body} body`;
    throw new LMError(`${what} failed: the server answered with ${kind}, not a chat completion`, { kind: 'malformed' });
  }
  const completion = body as Partial<ChatCompletion>;
  const choices = completion.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new LMError(`${what} failed: the response has no choices`, { kind: 'malformed' });
  }
  const ordered = [...choices].sort((a, b) => (a?.index ?? 0) - (b?.index ?? 0));
  const texts = ordered.map((choice, i) => {
    const content: unknown = choice?.message?.content;
    if (content === null || content === undefined) return choice?.message?.refusal ?? '';
    if (typeof content !== 'string') {
      throw new LMError(`${what} failed: choices[${i}].message.content is not a string`, { kind: 'malformed' });
    }
    return content;
  });

  const response: LMResponse = {
    texts,
    model: typeof completion.model === 'string' && completion.model ? completion.model : requestedModel,
    usage: toUsage(completion.usage),
    cached: false,
    latencyMs,
  };
  const finishReason = ordered[0]?.finish_reason;
  if (finishReason) response.finishReason = finishReason;
  return response;
}

function toUsage(usage: ChatCompletion['usage'] | undefined): Usage {
  // Some local servers omit usage; zero is the honest "unknown" here (cost shows as 0 tokens).
  if (!usage) return { ...ZERO_USAGE };
  const promptTokens = finiteOrZero(usage.prompt_tokens);
  const completionTokens = finiteOrZero(usage.completion_tokens);
  const total = finiteOrZero(usage.total_tokens);
  return { promptTokens, completionTokens, totalTokens: total || promptTokens + completionTokens };
}

function finiteOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
