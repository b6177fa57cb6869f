/**
 * The one call path every module uses: format with the ChatAdapter, call the LM, parse; on any
 * failure that is not the LM's own (an `LMError`) or an abort, retry once through the
 * JSONAdapter, as DSPy does. What still fails comes back as `error`, never as a throw, so an
 * evaluation can score it as a failure.
 */
import { chatAdapter } from './chat';
import { jsonAdapter } from './json';
import type { Adapter, LMCallRecord } from './types';
import type { LM, LMRequest } from '../lm/types';
import { ZERO_USAGE } from '../lm/types';
import type { Demo, Signature } from '../signature/types';

export interface PredictorOptions {
  temperature?: number;
  maxTokens?: number;
  n?: number;
  rolloutId?: number;
  model?: string;
  signal?: AbortSignal;
  /** `false` bypasses the LM cache for these calls. */
  cache?: boolean;
  /** Ahead of ordinary calls in the concurrency queue (`LMRequest.urgent`). */
  urgent?: boolean;
}

export interface PredictorResult {
  /** The first completion's outputs, when the call succeeded. */
  outputs?: Record<string, unknown>;
  /** Every completion's outputs (one per choice when `n` > 1), when the call succeeded. */
  completions?: Array<Record<string, unknown>>;
  /** Each LM request made, in order, with its raw reply. */
  calls: LMCallRecord[];
  /** Why no outputs could be produced. */
  error?: string;
}

type Attempt = { ok: true; completions: Array<Record<string, unknown>> } | { ok: false; error: string };

const LABEL: Record<Adapter['name'], string> = { chat: 'ChatAdapter', json: 'JSONAdapter' };

export async function runPredictor(
  lm: LM,
  signature: Signature,
  demos: Demo[],
  inputs: Record<string, unknown>,
  options: PredictorOptions = {},
): Promise<PredictorResult> {
  const calls: LMCallRecord[] = [];
  const chat = await attempt(chatAdapter, lm, signature, demos, inputs, options, calls);
  if (chat.ok) return { outputs: chat.completions[0], completions: chat.completions, calls };
  options.signal?.throwIfAborted();
  const json = await attempt(jsonAdapter, lm, signature, demos, inputs, options, calls);
  if (json.ok) return { outputs: json.completions[0], completions: json.completions, calls };
  return { calls, error: `${chat.error}; then ${json.error}` };
}

async function attempt(
  adapter: Adapter,
  lm: LM,
  signature: Signature,
  demos: Demo[],
  inputs: Record<string, unknown>,
  options: PredictorOptions,
  calls: LMCallRecord[],
): Promise<Attempt> {
  const label = LABEL[adapter.name];
  let request: LMRequest;
  try {
    request = buildRequest(adapter, signature, demos, inputs, options);
  } catch (error) {
    rethrowIfTransport(error, options.signal);
    return { ok: false, error: `${label} could not build the prompt: ${messageOf(error)}` };
  }
  const started = performance.now();
  let texts: string[];
  const record: LMCallRecord = { adapter: adapter.name, messages: request.messages, usage: ZERO_USAGE, cached: false, latencyMs: 0 };
  calls.push(record);
  try {
    const response = await lm.complete(request);
    texts = response.texts;
    Object.assign(record, { raw: texts[0], usage: response.usage, cached: response.cached, latencyMs: response.latencyMs });
  } catch (error) {
    rethrowIfTransport(error, options.signal);
    record.latencyMs = performance.now() - started;
    record.error = messageOf(error);
    return { ok: false, error: `${label}: the LM call failed: ${record.error}` };
  }
  if (texts.length === 0) {
    record.error = 'the LM returned no choices';
    return { ok: false, error: `${label}: ${record.error}` };
  }
  const completions: Array<Record<string, unknown>> = [];
  for (const [i, text] of texts.entries()) {
    try {
      completions.push(adapter.parse(signature, text));
    } catch (error) {
      rethrowIfTransport(error, options.signal);
      const which = texts.length > 1 ? ` (choice ${i + 1} of ${texts.length})` : '';
      record.error = `${messageOf(error)}${which}`;
      return { ok: false, error: `${label} could not parse the reply${which}: ${messageOf(error)}` };
    }
  }
  return { ok: true, completions };
}

function buildRequest(adapter: Adapter, signature: Signature, demos: Demo[], inputs: Record<string, unknown>, options: PredictorOptions): LMRequest {
  const request: LMRequest = { messages: adapter.format(signature, demos, inputs) };
  const responseFormat = adapter.responseFormat?.(signature);
  if (responseFormat) request.responseFormat = responseFormat;
  if (options.temperature !== undefined) request.temperature = options.temperature;
  if (options.maxTokens !== undefined) request.maxTokens = options.maxTokens;
  if (options.n !== undefined) request.n = options.n;
  if (options.rolloutId !== undefined) request.rolloutId = options.rolloutId;
  if (options.model !== undefined) request.model = options.model;
  if (options.cache !== undefined) request.cache = options.cache;
  if (options.urgent) request.urgent = true;
  if (options.signal !== undefined) request.signal = options.signal;
  return request;
}

/** LM failures (already retried by the LM stack) and aborts are not the prompt's fault: they propagate. */
function rethrowIfTransport(error: unknown, signal?: AbortSignal): void {
  signal?.throwIfAborted();
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : undefined;
  if (name === 'LMError' || name === 'AbortError') throw error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
