import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimFetch } from './fetch';
import { startSimServer } from './server';
import type { SimServer } from './server';
import { dspyMessages } from './testing/dspyFormat';
import { classifySignature } from './testing/evaluate';

const BASE = 'http://sim.local/v1';
let server: SimServer;

beforeAll(async () => {
  server = await startSimServer();
});

afterAll(async () => {
  await server.close();
});

const body = JSON.stringify({ model: 'sim-1', seed: 5, temperature: 0.7, messages: dspyMessages(classifySignature({ reasoning: true }), [], { text: 'My parcel is fine, but the invoice is not right.' }) });

describe('createSimFetch', () => {
  it('answers exactly as the HTTP server does', async () => {
    const simFetch = createSimFetch();
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const local = await simFetch(`${BASE}/chat/completions`, init);
    const remote = await fetch(`${server.url}/chat/completions`, init);
    expect(local.status).toBe(200);
    expect(await local.json()).toEqual(await remote.json());
    const models = async (f: typeof fetch, base: string) => (await (await f(`${base}/models`)).json()) as unknown;
    expect(await models(simFetch, BASE)).toEqual(await models(fetch, server.url));
  });

  it('plugs into the openai SDK through its fetch option, streaming and embeddings included', async () => {
    const client = new OpenAI({ baseURL: BASE, apiKey: 'demo', fetch: createSimFetch(), maxRetries: 0 });
    const params = JSON.parse(body) as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
    const whole = await client.chat.completions.create(params);
    const stream = await client.chat.completions.create({ ...params, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(whole.choices[0]?.message.content);
    const embedded = await client.embeddings.create({ model: 'sim-embed-1', input: 'late parcel' });
    expect(embedded.data[0]?.embedding).toHaveLength(256);
  });

  it('waits latencyMs and rejects with AbortError when aborted meanwhile', async () => {
    const simFetch = createSimFetch({ latencyMs: 120 });
    const started = performance.now();
    await simFetch(`${BASE}/chat/completions`, { method: 'POST', body });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    const controller = new AbortController();
    const pending = simFetch(`${BASE}/chat/completions`, { method: 'POST', body, signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
  });

  it('accepts a Request object as input', async () => {
    const simFetch = createSimFetch();
    const res = await simFetch(new Request(`${BASE}/chat/completions`, { method: 'POST', body }));
    expect(((await res.json()) as { object: string }).object).toBe('chat.completion');
  });
});
