import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimServer } from './server';
import type { SimServer } from './server';
import { dspyMessages } from './testing/dspyFormat';
import { additionSignature } from './testing/evaluate';

let sim: SimServer;
const post = (path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
const chatBody = (a = 2, b = 3) =>
  ({ model: 'sim-1', messages: dspyMessages(additionSignature(), [], { a, b }) }) as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  sim = await startSimServer();
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.setOptions({ latencyMs: 0, jitterMs: 0, rate429: 0, rate5xx: 0, rateMalformed: 0, faultSeed: 0, requireKey: undefined, malformedMode: undefined });
  sim.resetStats();
});

describe('sim server', () => {
  it('listens on 127.0.0.1 at a random port and gives its /v1 url', () => {
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/v1`);
    expect(sim.port).toBeGreaterThan(0);
  });

  it('answers a CORS preflight allowing any origin and every requested header', async () => {
    const requested = 'authorization, content-type, x-stainless-os, x-stainless-retry-count';
    const res = await fetch(`${sim.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe(requested);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(sim.stats().requests).toBe(0);
  });

  it('lists models, with CORS headers on the response', async () => {
    const res = await fetch(`${sim.url}/models`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { data: { id: string }[] };
    expect(body.data.map((m) => m.id)).toContain('sim-1');
  });

  it('serves the openai SDK, streaming included, with usage', async () => {
    const client = new OpenAI({ baseURL: sim.url, apiKey: 'sk-sim', maxRetries: 0 });
    const whole = await client.chat.completions.create(chatBody(40, 2));
    expect(whole.choices[0]?.message.content).toContain('[[ ## sum ## ]]');
    expect(whole.usage?.total_tokens).toBeGreaterThan(0);
    const stream = await client.chat.completions.create({ ...chatBody(40, 2), stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: unknown = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(usage).toEqual(whole.usage);
  });

  it('ends a raw SSE stream with data: [DONE]', async () => {
    const raw = await (await post('/chat/completions', { ...chatBody(), stream: true })).text();
    expect(raw.startsWith('data: {')).toBe(true);
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('counts requests, statuses and the peak number in flight', async () => {
    // Long enough that all five overlap even on a loaded machine.
    sim.setOptions({ latencyMs: 600 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => post('/chat/completions', chatBody(i, i))));
    expect(sim.stats()).toMatchObject({ requests: 5, chatCompletions: 5, statuses: { '200': 5 }, inFlight: 0, peakInFlight: 5 });
    const viaHttp = (await (await fetch(`${sim.url.replace('/v1', '')}/stats`)).json()) as { chatCompletions: number };
    expect(viaHttp.chatCompletions).toBe(5);
    await fetch(`${sim.url.replace('/v1', '')}/stats/reset`, { method: 'POST' });
    expect(sim.stats().chatCompletions).toBe(0);
  });

  it('answers 429 with Retry-After and retry-after-ms in OpenAI error shape', async () => {
    sim.setOptions({ rate429: 1, retryAfterSeconds: 2 });
    const res = await post('/chat/completions', chatBody());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('retry-after-ms')).toBe('2000');
    expect(await res.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded', param: null } });
  });

  it('answers 5xx at the configured rate, drawn per call so a retry can succeed', async () => {
    sim.setOptions({ rate5xx: 0.5, faultSeed: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post('/chat/completions', chatBody())).status);
    const failures = statuses.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
    sim.resetStats();
    const again: number[] = [];
    for (let i = 0; i < 30; i++) again.push((await post('/chat/completions', chatBody())).status);
    expect(again).toEqual(statuses); // same seed, same call indexes: the same faults
  });

  it('rejects a wrong or missing key with 401, never echoing it', async () => {
    sim.setOptions({ requireKey: 'sk-right' });
    const wrong = await post('/chat/completions', chatBody(), { authorization: 'Bearer sk-WRONG-secret-123' });
    expect(wrong.status).toBe(401);
    const text = await wrong.text();
    expect(text).not.toContain('WRONG-secret');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect((await post('/chat/completions', chatBody())).status).toBe(401);
    expect((await post('/chat/completions', chatBody(), { authorization: 'Bearer sk-right' })).status).toBe(200);
  });

  it('garbles replies at the malformed rate: broken text and broken bodies', async () => {
    sim.setOptions({ rateMalformed: 0.5, faultSeed: 9 });
    let brokenBody = 0;
    let brokenText = 0;
    for (let i = 0; i < 40; i++) {
      const res = await post('/chat/completions', chatBody(i, 7));
      expect(res.status).toBe(200);
      const raw = await res.text();
      try {
        const content = (JSON.parse(raw) as { choices: { message: { content: string } }[] }).choices[0]?.message.content ?? '';
        if (!content.includes('[[ ## sum ## ]]')) brokenText++;
      } catch {
        brokenBody++;
      }
    }
    expect(brokenBody + brokenText).toBeGreaterThan(8);
    expect(brokenBody + brokenText).toBeLessThan(32);
    expect(brokenBody).toBeGreaterThan(0);
    expect(brokenText).toBeGreaterThan(0);
  });

  it('stops work and decrements inFlight when the client aborts', async () => {
    sim.setOptions({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = post('/chat/completions', chatBody(), {}, controller.signal).catch((e: unknown) => e);
    await waitFor(() => sim.stats().inFlight === 1, 'the request to arrive');
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    await waitFor(() => sim.stats().inFlight === 0, 'inFlight to drop', 1000);
    expect(sim.stats()).toMatchObject({ aborted: 1, chatCompletions: 1 });
  });

  it('serves embeddings through the SDK (base64 by default): unit vectors, similar texts nearer', async () => {
    const client = new OpenAI({ baseURL: sim.url, apiKey: 'sk-sim', maxRetries: 0 });
    const res = await client.embeddings.create({ model: 'sim-embed-1', input: ['my parcel is late', 'the parcel is very late', 'reset my password'] });
    const [a, b, c] = res.data.map((d) => d.embedding);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a?.length).toBe(256);
    expect(dot(a!, a!)).toBeCloseTo(1, 5);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    expect(sim.stats().embeddings).toBe(1);
  });

  it('names an invalid body or unknown route in the error', async () => {
    const bad = await fetch(`${sim.url}/chat/completions`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const missing = await fetch(`${sim.url}/completions`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
  });
});
