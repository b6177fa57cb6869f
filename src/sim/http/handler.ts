/**
 * The simulator's HTTP routes as a pure function, shared by the Node server and the in-page
 * fetch: `handleRequest(method, path, headers, bodyText)` returns a status, headers and either a
 * body or SSE chunks. Faults, latency, auth and stats live in service.ts around it.
 */
import { SimRequestError, simulateChat } from '../model';
import type { ChatCompletionBody, ChatCompletionResult } from '../types';
import { estimateTokens } from '../text';
import { DEFAULT_DIMENSIONS, embedText, float32Base64 } from './embeddings';
import { errorBody } from './errors';
import { handleFineTuning, withFineTunedKnowledge } from './finetune';
import { completionChunks } from './sse';

export type SimHttpReply =
  | { status: number; headers: Record<string, string>; body: string }
  | { status: number; headers: Record<string, string>; chunks: string[] };

export const SIM_MODELS = ['sim-1', 'sim-small', 'sim-embed-1'];
const OWNER = 'prompt-studio-sim';
const JSON_HEADERS = { 'content-type': 'application/json' };

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): SimHttpReply {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function errorReply(status: number, message: string, type: string, code: string | null = null, param: string | null = null): SimHttpReply {
  return { status, headers: { ...JSON_HEADERS }, body: errorBody(message, type, code, param) };
}

/** The path without query string or trailing slash. */
export function routePath(path: string): string {
  const bare = path.split('?')[0] ?? '';
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function parseJson(bodyText: string): { ok: true; value: unknown } | { ok: false; reply: SimHttpReply } {
  try {
    return { ok: true, value: JSON.parse(bodyText) as unknown };
  } catch (error) {
    return { ok: false, reply: errorReply(400, `The request body is not valid JSON: ${(error as Error).message}`, 'invalid_request_error') };
  }
}

/** The reply object of a chat completion (also used by the fault layer to garble it). */
export function chatResult(bodyText: string): { ok: true; result: ChatCompletionResult; stream: boolean } | { ok: false; reply: SimHttpReply } {
  const parsed = parseJson(bodyText);
  if (!parsed.ok) return parsed;
  try {
    const body = parsed.value as ChatCompletionBody;
    return { ok: true, result: simulateChat(withFineTunedKnowledge(body)), stream: body?.stream === true };
  } catch (error) {
    if (error instanceof SimRequestError) return { ok: false, reply: errorReply(400, error.message, 'invalid_request_error', null, error.param) };
    throw error;
  }
}

export function chatReply(result: ChatCompletionResult, stream: boolean): SimHttpReply {
  if (!stream) return jsonReply(200, result);
  return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }, chunks: completionChunks(result) };
}

function embeddings(bodyText: string): SimHttpReply {
  const parsed = parseJson(bodyText);
  if (!parsed.ok) return parsed.reply;
  const body = (parsed.value ?? {}) as { input?: unknown; model?: unknown; encoding_format?: unknown; dimensions?: unknown };
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((x) => typeof x === 'string')) {
    return errorReply(400, "'input' must be a string or a non-empty array of strings.", 'invalid_request_error', null, 'input');
  }
  const dims = typeof body.dimensions === 'number' && Number.isInteger(body.dimensions) && body.dimensions > 0 ? body.dimensions : DEFAULT_DIMENSIONS;
  const base64 = body.encoding_format === 'base64';
  const data = (inputs as string[]).map((text, index) => {
    const vector = embedText(text, dims);
    return { object: 'embedding', index, embedding: base64 ? float32Base64(vector) : vector };
  });
  const tokens = (inputs as string[]).reduce((n, t) => n + estimateTokens(t), 0);
  return jsonReply(200, { object: 'list', data, model: typeof body.model === 'string' ? body.model : 'sim-embed-1', usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

function model(id: string) {
  return { id, object: 'model', created: 1735689600, owned_by: OWNER };
}

export function handleRequest(method: string, path: string, _headers: Record<string, string>, bodyText: string): SimHttpReply {
  const route = routePath(path);
  const verb = method.toUpperCase();
  if (verb === 'GET' && route === '/v1/models') return jsonReply(200, { object: 'list', data: SIM_MODELS.map(model) });
  if (verb === 'GET' && route.startsWith('/v1/models/')) return jsonReply(200, model(decodeURIComponent(route.slice('/v1/models/'.length))));
  if (verb === 'POST' && route === '/v1/chat/completions') {
    const chat = chatResult(bodyText);
    return chat.ok ? chatReply(chat.result, chat.stream) : chat.reply;
  }
  if (verb === 'POST' && route === '/v1/embeddings') return embeddings(bodyText);
  const fineTuning = handleFineTuning(verb, route, bodyText);
  if (fineTuning) return fineTuning;
  const known = ['/v1/models', '/v1/chat/completions', '/v1/embeddings'].includes(route);
  return known
    ? errorReply(405, `${verb} is not allowed on ${route}.`, 'invalid_request_error')
    : errorReply(404, `Unknown route ${verb} ${route}: the simulator serves /v1/chat/completions, /v1/embeddings, /v1/models and /stats.`, 'invalid_request_error', 'unknown_url');
}
