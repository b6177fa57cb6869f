import { describe, expect, it } from 'vitest';
import { LMError } from './errors';
import { createOpenAIClient } from './openai-client';
import type { LMRequest } from './types';

const KEY = 'sk-test-SUPERSECRET-0123456789abcdef';
const BASE = 'http://llm.test/v1';

interface Captured {
  url: string;
  headers: Headers;
  body: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
}

/** A fetch that records what the SDK sent and answers with `respond`. */
function fakeFetch(respond: (captured: Captured) => Response | Promise<Response>) {
  const seen: Captured[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const captured: Captured = {
      url: String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined,
      signal: init?.signal ?? undefined,
    };
    seen.push(captured);
    return respond(captured);
  };
  return { fetch: fetchFn as typeof fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const completion = (texts: string[], extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  object: 'chat.completion',
  created: 0,
  model: 'gpt-4o-mini-2024-07-18',
  choices: texts.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: 'stop' })),
  usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  ...extra,
});

const ask: LMRequest = { messages: [{ role: 'user', content: 'hi' }] };

describe('createOpenAIClient', () => {
  it('maps an LMRequest onto chat.completions and the reply back', async () => {
    const outOfOrder = completion(['a', 'b']);
    outOfOrder.choices.reverse(); // the client must order by `index`, not by position
    const { fetch, seen } = fakeFetch(() => json(outOfOrder));
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'gpt-4o-mini', fetch });
    const response = await client.complete({
      ...ask,
      temperature: 0.7,
      maxTokens: 50,
      n: 2,
      responseFormat: { type: 'json_object' },
      rolloutId: 3,
    });

    expect(seen[0]?.url).toBe(`${BASE}/chat/completions`);
    expect(seen[0]?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.7,
      max_tokens: 50,
      n: 2,
      response_format: { type: 'json_object' },
      seed: 3,
    });
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(response).toMatchObject({
      texts: ['a', 'b'],
      model: 'gpt-4o-mini-2024-07-18',
      usage: { promptTokens: 11, completionTokens: 7, totalTokens: 18 },
      cached: false,
      finishReason: 'stop',
    });
  });

  it('fills unset params from defaultParams and lets the request model override', async () => {
    const { fetch, seen } = fakeFetch(() => json(completion(['ok'])));
    const client = createOpenAIClient({
      baseURL: BASE,
      model: 'base-model',
      fetch,
      headers: { 'x-team': 'blue' },
      defaultParams: { temperature: 0, maxTokens: 10 },
    });
    await client.complete({ ...ask, model: 'other-model', maxTokens: 99 });
    expect(seen[0]?.body).toMatchObject({ model: 'other-model', temperature: 0, max_tokens: 99 });
    expect(seen[0]?.body).not.toHaveProperty('seed');
    expect(seen[0]?.headers.get('x-team')).toBe('blue');
    // No key: no Authorization header at all (and never OPENAI_API_KEY from the environment).
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it("sends max_completion_tokens to OpenAI's reasoning models and max_tokens to everyone else", async () => {
    const { fetch, seen } = fakeFetch(() => json(completion(['ok'])));
    const client = createOpenAIClient({ baseURL: BASE, model: 'gpt-5-mini', fetch });
    await client.complete({ ...ask, maxTokens: 64 });
    await client.complete({ ...ask, model: 'openai/o4-mini', maxTokens: 64 });
    await client.complete({ ...ask, model: 'llama-3.3-70b-versatile', maxTokens: 64 });
    expect(seen[0]?.body).toMatchObject({ max_completion_tokens: 64 });
    expect(seen[0]?.body).not.toHaveProperty('max_tokens');
    expect(seen[1]?.body).toMatchObject({ max_completion_tokens: 64 });
    expect(seen[2]?.body).toMatchObject({ max_tokens: 64 });
    expect(seen[2]?.body).not.toHaveProperty('max_completion_tokens');
  });

  it('keeps a caller-supplied Authorization header and keeps credential headers out of errors', async () => {
    const token = 'Bearer custom-token-ABCDEFGH';
    const { fetch, seen } = fakeFetch(({ headers }) => json({ error: { message: `denied for ${headers.get('x-api-key')}` } }, 403));
    const client = createOpenAIClient({
      baseURL: BASE,
      model: 'm',
      fetch,
      headers: { Authorization: token, 'x-api-key': 'azure-style-key-XYZ123' },
    });
    const error = await client.complete(ask).catch((e: unknown) => e);
    expect(seen[0]?.headers.get('authorization')).toBe(token);
    expect((error as Error).message).toContain('denied for [redacted]');
    expect((error as Error).message).not.toContain('azure-style-key-XYZ123');
  });

  it('turns 429 into a retryable LMError with the Retry-After delay', async () => {
    const { fetch } = fakeFetch(() => json({ error: { message: 'Rate limit reached' } }, 429, { 'retry-after': '2' }));
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    const error = await client.complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LMError);
    expect(error).toMatchObject({ name: 'LMError', kind: 'http', status: 429, retryAfterMs: 2000, retryable: true });
    expect((error as LMError).message).toContain('Rate limit reached');
    expect((error as LMError).message).toContain('model m');
  });

  it('marks 5xx retryable and 4xx final', async () => {
    const statuses = [503, 400];
    const { fetch } = fakeFetch(() => json({ error: { message: 'nope' } }, statuses.shift()));
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    await expect(client.complete(ask)).rejects.toMatchObject({ status: 503, retryable: true });
    await expect(client.complete(ask)).rejects.toMatchObject({ status: 400, retryable: false });
  });

  it('turns a connection failure into a retryable network LMError', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    const error = await client.complete(ask).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LMError', kind: 'network', retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it.each([
    ['no choices', () => json({ id: 'x', choices: [] })],
    ['an empty object', () => json({})],
    ['invalid JSON', () => new Response('{"choices": [', { headers: { 'content-type': 'application/json' } })],
    ['an HTML page', () => new Response('<html>proxy error</html>', { headers: { 'content-type': 'text/html' } })],
    ['an empty body', () => new Response('', { headers: { 'content-type': 'text/plain' } })],
  ])('rejects %s as a malformed response', async (_label, respond) => {
    const { fetch } = fakeFetch(respond);
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    await expect(client.complete(ask)).rejects.toMatchObject({ name: 'LMError', kind: 'malformed' });
  });

  it('never lets the API key into the error, even when the server echoes it', async () => {
    const { fetch } = fakeFetch(({ headers }) =>
      json({ error: { message: `Incorrect API key provided: ${headers.get('authorization')}`, key: KEY } }, 401),
    );
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    const error = await client.complete(ask).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LMError', status: 401, retryable: false });
    const seenFromOutside = [String(error), (error as Error).message, (error as Error).stack ?? '', JSON.stringify(error)];
    for (const text of seenFromOutside) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('SUPERSECRET');
    }
    expect((error as Error).message).toContain('Incorrect API key provided');
  });

  it('aborts the fetch and rejects with an AbortError', async () => {
    let fetchSignal: AbortSignal | undefined;
    const { fetch } = fakeFetch(
      ({ signal }) =>
        new Promise<Response>((_resolve, reject) => {
          fetchSignal = signal;
          signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        }),
    );
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch });
    const controller = new AbortController();
    const pending = client.complete({ ...ask, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchSignal?.aborted).toBe(true);
  });

  it('embeds in input order and lists models', async () => {
    const { fetch, seen } = fakeFetch(({ url }) =>
      url.endsWith('/embeddings')
        ? json({ object: 'list', data: [{ index: 1, embedding: [2] }, { index: 0, embedding: [1] }], model: 'e' })
        : json({ object: 'list', data: [{ id: 'a', object: 'model' }, { id: 'b', object: 'model' }] }),
    );
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', embeddingModel: 'emb', fetch });
    expect(await client.embed({ input: ['x', 'y'] })).toEqual({ vectors: [[1], [2]], model: 'e', usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 } });
    expect(seen[0]?.body).toMatchObject({ model: 'emb', input: ['x', 'y'] });
    expect(await client.listModels()).toEqual(['a', 'b']);
  });

  it("reports an embeddings request's prompt tokens as its usage", async () => {
    const { fetch } = fakeFetch(() => json({ object: 'list', data: [{ index: 0, embedding: [1] }], model: 'emb-2025', usage: { prompt_tokens: 7, total_tokens: 7 } }));
    const client = createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', embeddingModel: 'emb', fetch });
    expect(await client.embed({ input: ['x'] })).toEqual({ vectors: [[1]], model: 'emb-2025', usage: { promptTokens: 7, completionTokens: 0, totalTokens: 7 } });
  });
});
