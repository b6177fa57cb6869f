import { handleRequest } from '../src/sim';

/**
 * A fetch serving chat completions from a reply table after a fixed delay. The table fills on
 * first sight: pass the same table to a zero-latency recording pass first, so the timed pass
 * does no simulator work on the engine's thread.
 */
export function replayFetch(latencyMs: number, replies = new Map<string, string>()): typeof fetch {
  const replay = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = String(init?.body ?? '');
    let reply = replies.get(body);
    if (reply === undefined) {
      const r = handleRequest('POST', '/v1/chat/completions', {}, body);
      reply = 'body' in r ? r.body : '';
      replies.set(body, reply);
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    init?.signal?.throwIfAborted();
    return new Response(reply, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return replay as typeof fetch;
}
