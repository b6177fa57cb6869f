/**
 * The simulator as a service: the pure routes of http/handler.ts plus what a real endpoint
 * does around them — CORS, an API key check, latency (abort-aware), injected faults, and stats.
 * Pure apart from timers, so the Node server and the in-page fetch share it unchanged.
 */
import { errorBody } from './http/errors';
import { drawFault, garbleResult, requestAttempts, truncatedBody } from './http/faults';
import type { MalformedMode } from './http/faults';
import { chatReply, chatResult, errorReply, handleRequest, jsonReply, routePath } from './http/handler';
import type { SimHttpReply } from './http/handler';
import { completionChunks } from './http/sse';

export interface SimOptions {
  latencyMs?: number;
  jitterMs?: number;
  rate429?: number;
  retryAfterSeconds?: number;
  rate5xx?: number;
  rateMalformed?: number;
  faultSeed?: number;
  requireKey?: string;
  /** What a malformed reply is: garbled completion text, an invalid JSON body, or alternating ('mixed', the default, starting with a body). */
  malformedMode?: MalformedMode;
}

export interface SimStats {
  /** Requests to /v1/* (preflights and /stats excluded). */
  requests: number;
  chatCompletions: number;
  embeddings: number;
  /** Count per HTTP status, e.g. { "200": 12, "429": 1 }. */
  statuses: Record<string, number>;
  inFlight: number;
  peakInFlight: number;
  promptTokens: number;
  completionTokens: number;
  aborted: number;
}

export interface SimHttpRequest {
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** `performance.now()` when the request arrived (before its body was read); the latency runs from here. */
  receivedAt?: number;
}

export interface SimService {
  handle(request: SimHttpRequest, signal?: AbortSignal): Promise<SimHttpReply>;
  stats(): SimStats;
  resetStats(): void;
  setOptions(partial: Partial<SimOptions>): void;
}

const emptyStats = (): SimStats => ({
  requests: 0,
  chatCompletions: 0,
  embeddings: 0,
  statuses: {},
  inFlight: 0,
  peakInFlight: 0,
  promptTokens: 0,
  completionTokens: 0,
  aborted: 0,
});

export function corsHeaders(requestHeaders: Record<string, string>): Record<string, string> {
  return {
    'access-control-allow-origin': requestHeaders.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': requestHeaders['access-control-request-headers'] ?? '*',
    'access-control-expose-headers': 'retry-after, retry-after-ms, x-request-id',
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Headers',
  };
}

export function abortError(): Error {
  return new DOMException('The simulated request was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createSimService(initial: SimOptions = {}): SimService {
  let options: SimOptions = { ...initial };
  let stats = emptyStats();
  const attempts = requestAttempts();
  let malformedCount = 0;

  function malformedReply(bodyText: string): SimHttpReply {
    const chat = chatResult(bodyText);
    if (!chat.ok) return chat.reply;
    const mode = options.malformedMode ?? 'mixed';
    const asBody = mode === 'body' || (mode === 'mixed' && malformedCount % 2 === 0);
    malformedCount++;
    if (!asBody) return chatReply(garbleResult(chat.result), chat.stream);
    if (chat.stream) {
      const chunks = completionChunks(chat.result);
      return { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks: [chunks[0] ?? '', `data: ${truncatedBody(chat.result)}\n\n`, 'data: [DONE]\n\n'] };
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: truncatedBody(chat.result) };
  }

  async function serve(request: SimHttpRequest, route: string, signal?: AbortSignal): Promise<SimHttpReply> {
    if (options.requireKey !== undefined) {
      const auth = request.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : '';
      if (given !== options.requireKey) {
        // Never echo the key that was sent: it may be a real one, pasted into the wrong place.
        return errorReply(401, given ? 'Incorrect API key provided.' : 'Missing API key: send "Authorization: Bearer <key>".', 'invalid_request_error', 'invalid_api_key');
      }
    }
    const isChat = route === '/v1/chat/completions' && request.method === 'POST';
    const isEmbed = route === '/v1/embeddings' && request.method === 'POST';
    if (!isChat && !isEmbed) return handleRequest(request.method, request.path, request.headers, request.body);
    if (isChat) stats.chatCompletions++;
    else stats.embeddings++;
    const draw = drawFault(
      {
        rate429: options.rate429 ?? 0,
        rate5xx: options.rate5xx ?? 0,
        rateMalformed: isChat ? (options.rateMalformed ?? 0) : 0,
        faultSeed: options.faultSeed ?? 0,
        latencyMs: options.latencyMs ?? 0,
        jitterMs: options.jitterMs ?? 0,
      },
      attempts.next(`${route}\n${request.body}`),
    );
    // A provider's latency includes its own compute, so a plain reply is worked out on arrival and
    // the wait covers only the rest of the latency, counted from when the request came in: a burst
    // of calls then does not queue the simulator's CPU after the delay (issues #3 and #7).
    const arrived = request.receivedAt ?? performance.now();
    const prepared = draw.fault.kind === 'none' ? handleRequest(request.method, request.path, request.headers, request.body) : undefined;
    await sleep(draw.delayMs - (performance.now() - arrived), signal);
    switch (draw.fault.kind) {
      case 'rate_limit': {
        const seconds = Math.max(0, options.retryAfterSeconds ?? 1);
        return {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': String(Math.ceil(seconds)), 'retry-after-ms': String(Math.round(seconds * 1000)) },
          body: errorBody('Rate limit reached for the simulated model. Please retry after the delay in Retry-After.', 'requests', 'rate_limit_exceeded'),
        };
      }
      case 'server_error':
        return errorReply(500, 'The simulated server had an error while processing your request.', 'server_error');
      case 'malformed':
        return malformedReply(request.body);
      case 'none': {
        const reply = prepared ?? handleRequest(request.method, request.path, request.headers, request.body);
        if (isChat && reply.status === 200 && 'body' in reply) {
          const usage = (JSON.parse(reply.body) as { usage?: { prompt_tokens: number; completion_tokens: number } }).usage;
          stats.promptTokens += usage?.prompt_tokens ?? 0;
          stats.completionTokens += usage?.completion_tokens ?? 0;
        }
        return reply;
      }
      default: {
        const never: never = draw.fault;
        throw new Error(`unknown fault ${String(never)}`);
      }
    }
  }

  async function handle(request: SimHttpRequest, signal?: AbortSignal): Promise<SimHttpReply> {
    const cors = corsHeaders(request.headers);
    const route = routePath(request.path);
    const method = request.method.toUpperCase();
    const withCors = (reply: SimHttpReply): SimHttpReply => ({ ...reply, headers: { ...reply.headers, ...cors } });
    if (method === 'OPTIONS') return { status: 204, headers: cors, body: '' };
    if (route === '/stats' && method === 'GET') return withCors(jsonReply(200, snapshot()));
    if (route === '/stats/reset' && method === 'POST') {
      resetStats();
      return withCors(jsonReply(200, snapshot()));
    }
    stats.requests++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    try {
      const reply = withCors(await serve({ ...request, method }, route, signal));
      stats.statuses[String(reply.status)] = (stats.statuses[String(reply.status)] ?? 0) + 1;
      return reply;
    } catch (error) {
      if ((error as Error).name === 'AbortError') stats.aborted++;
      throw error;
    } finally {
      stats.inFlight--;
    }
  }

  function snapshot(): SimStats {
    return { ...stats, statuses: { ...stats.statuses } };
  }

  function resetStats(): void {
    // Requests still running keep counting down from the current in-flight number.
    stats = { ...emptyStats(), inFlight: stats.inFlight, peakInFlight: stats.inFlight };
    attempts.reset();
    malformedCount = 0;
  }

  return {
    handle,
    stats: snapshot,
    resetStats,
    setOptions(partial) {
      options = { ...options, ...partial };
    },
  };
}
