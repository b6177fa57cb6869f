import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { MemoryCacheStore } from './cache';
import { createOpenAIClient } from './openai-client';
import type { RetryEvent } from './scheduler';
import { createLM } from './stack';
import type { LMRequest } from './types';

// One recognizable key, checked everywhere it could escape: the error a caller sees (message,
// stack, JSON, cause chain), retry events, console output, and the cache's keys and entries.
const KEY = 'sk-proj-HYGIENE-7f3a9c1e5b2d4f6a8c0e';
const FRAGMENT = 'HYGIENE-7f3a9c1e';
const BASE = 'http://llm.test/v1';
const ask: LMRequest = { messages: [{ role: 'user', content: 'hi' }] };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const completion = (content: string) => ({
  id: 'c1',
  object: 'chat.completion',
  created: 0,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

/** Every way a provider or a proxy might hand the key back. */
const FAILURES: [string, (auth: string) => Response | never][] = [
  ['a 401 whose JSON message echoes the header', (auth) => json({ error: { message: `Incorrect API key provided: ${auth}`, code: 'invalid_api_key' } }, 401)],
  ['a 403 whose JSON echoes the bare key in other fields', () => json({ error: { message: 'denied', param: KEY, key: KEY } }, 403)],
  ['a 500 with the key in a plain-text body', (auth) => new Response(`upstream said: ${auth}`, { status: 500, headers: { 'content-type': 'text/plain' } })],
  ['a 429 whose message carries the key', () => json({ error: { message: `rate limit for key ${KEY}` } }, 429)],
  ['a 2xx body that is not a completion and holds the key', () => json({ echo: KEY, authorization: `Bearer ${KEY}` })],
  ['a 2xx HTML page that prints the key', () => new Response(`<html>proxy error for ${KEY}</html>`, { headers: { 'content-type': 'text/html' } })],
  [
    'a network failure whose message names the key',
    () => {
      throw new TypeError(`fetch failed for Bearer ${KEY}`, { cause: new Error(`socket closed (${KEY})`) });
    },
  ],
];

/** All the text of an error a caller, a log line or a JSON export could show. */
function everythingIn(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    parts.push(String(e), JSON.stringify(e) ?? '');
    if (e instanceof Error) parts.push(e.message, e.stack ?? '');
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});
afterEach(() => {
  for (const spy of consoleSpies) spy.mockRestore();
});

function consoleText(): string {
  return consoleSpies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (a instanceof Error ? everythingIn(a) : String(a))).join(' '))).join('\n');
}

describe('the API key never leaves the client', () => {
  it.each(FAILURES)('through the whole stack with retries: %s', async (_label, respond) => {
    let calls = 0;
    const fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
      calls++;
      return respond(new Headers(init?.headers).get('authorization') ?? '');
    }) as typeof globalThis.fetch;
    const retries: RetryEvent[] = [];
    const lm = createLM({
      client: createOpenAIClient({ baseURL: BASE, apiKey: KEY, model: 'm', fetch }),
      cacheStore: new MemoryCacheStore(),
      scheduler: { concurrency: 1, maxRetries: 2, sleep: async () => {}, onRetry: (event) => retries.push(event) },
    });
    const error = await lm.complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(calls).toBeGreaterThan(0);
    expect(everythingIn(error)).not.toContain(FRAGMENT);
    expect(JSON.stringify(retries, (_k, v: unknown) => (v instanceof Error ? everythingIn(v) : v))).not.toContain(FRAGMENT);
    expect(consoleText()).not.toContain(FRAGMENT);
  });

  it('keeps the key out of the cache: every key asked for and every entry written', async () => {
    const keysFor = async (apiKey: string) => {
      const store = new RecordingStore();
      const fetch = (async () => json(completion('hello'))) as typeof globalThis.fetch;
      const lm = createLM({ client: createOpenAIClient({ baseURL: BASE, apiKey, model: 'm', fetch }), cacheStore: store, scheduler: { concurrency: 1 } });
      expect((await lm.complete(ask)).texts).toEqual(['hello']);
      expect((await lm.complete(ask)).cached).toBe(true);
      return store;
    };
    const first = await keysFor(KEY);
    expect(first.keys.length).toBeGreaterThan(0);
    expect(first.written).toHaveLength(1);
    expect(JSON.stringify([first.keys, first.written])).not.toContain(FRAGMENT);
    // Another key asks for the very same cache key: the cache key does not depend on the API key.
    const second = await keysFor('sk-another-key-000000000000');
    expect(second.keys).toEqual(first.keys);
    expect(consoleText()).not.toContain(FRAGMENT);
  });
});

/** A memory store that remembers every key it was asked for and every entry written to it. */
class RecordingStore extends MemoryCacheStore {
  readonly keys: string[] = [];
  readonly written: unknown[] = [];

  override async get(key: string) {
    this.keys.push(key);
    return super.get(key);
  }

  override async set(key: string, entry: Parameters<MemoryCacheStore['set']>[1]) {
    this.keys.push(key);
    this.written.push(entry);
    return super.set(key, entry);
  }
}
