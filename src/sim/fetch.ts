/**
 * The simulator without a network: a `fetch` that serves the same routes in-process, for the
 * browser's offline "Demo" provider (plugged into the openai SDK through its `fetch` option).
 * Same service as the Node server, so both answer identically.
 */
import { abortError, createSimService } from './service';
import type { SimOptions } from './service';

export interface SimFetchOptions {
  latencyMs?: number;
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

async function bodyText(body: BodyInit | null | undefined): Promise<string> {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

function streamOf(chunks: string[], signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (signal?.aborted) controller.error(abortError());
      else if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]));
      else controller.close();
    },
  });
}

export function createSimFetch(options: SimFetchOptions & Omit<SimOptions, 'latencyMs'> = {}): typeof fetch {
  const service = createSimService(options);
  const simFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : String(input), 'http://sim.local');
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = headerRecord(new Headers(init?.headers ?? request?.headers));
    const body = init?.body !== undefined ? await bodyText(init.body) : request ? await request.text() : '';
    const signal = init?.signal ?? request?.signal ?? undefined;
    const reply = await service.handle({ method, path: `${url.pathname}${url.search}`, headers, body }, signal);
    const nullBody = reply.status === 204 || reply.status === 304;
    if ('chunks' in reply) return new Response(streamOf(reply.chunks, signal), { status: reply.status, headers: reply.headers });
    return new Response(nullBody ? null : reply.body, { status: reply.status, headers: reply.headers });
  };
  return simFetch as typeof fetch;
}
