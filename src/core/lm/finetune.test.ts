import { describe, expect, it } from 'vitest';
import { startSimServer } from '../../sim/server';
import { createSimFetch } from '../../sim';
import { createFineTuner, pollDelay, toJsonl, type FineTuneJobStatus, type FineTuneRecord } from './finetune';
import { createOpenAIClient } from './openai-client';

const SYSTEM = 'Your input fields are:\n1. `text` (str)\nYour output fields are:\n1. `label` (str)';
function record(i: number): FineTuneRecord {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `[[ ## text ## ]]\nticket ${i}` },
      { role: 'assistant', content: `[[ ## label ## ]]\nbilling\n\n[[ ## completed ## ]]` },
    ],
  };
}
const records = Array.from({ length: 12 }, (_, i) => record(i));
const fast = { initialDelayMs: 1, maxDelayMs: 5, factor: 2 };

describe('toJsonl', () => {
  it('writes one chat-format JSON object per line', () => {
    const lines = toJsonl(records).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) {
      const parsed = JSON.parse(line) as { messages: { role: string; content: string }[] };
      expect(parsed.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    }
  });
});

describe('pollDelay', () => {
  it('grows geometrically up to the cap', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 1000, factor: 2, timeoutMs: 1e6 };
    expect([0, 1, 2, 3, 4, 5].map((a) => pollDelay(a, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('createFineTuner on the sim', () => {
  it('uploads, creates a job, polls it to success and serves the model by its id', async () => {
    const fetch = createSimFetch();
    const tuner = createFineTuner({ baseURL: 'http://sim.local/v1', fetch, poll: fast });
    const statuses: FineTuneJobStatus[] = [];
    const result = await tuner.fineTune({ baseModel: 'sim-1', records, suffix: 'test', onStatus: (s) => statuses.push(s) });
    expect(result.model).toMatch(/^ft:sim-1:sim:test:[0-9a-f]{8}$/);
    expect(result.fileId).toMatch(/^file-/);
    expect(statuses[0]).toBe('queued');
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('succeeded');
    // The same data trains the same model id (so programs naming it replay from a cache).
    const again = await tuner.fineTune({ baseModel: 'sim-1', records, suffix: 'test' });
    expect(again.model).toBe(result.model);
    expect(again.jobId).not.toBe(result.jobId);
    const lm = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: result.model, fetch });
    const reply = await lm.complete({ messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: '[[ ## text ## ]]\nhello' }] });
    expect(reply.model).toBe(result.model);
  });

  it('reports a job that fails on too little data, naming the reason', async () => {
    const tuner = createFineTuner({ baseURL: 'http://sim.local/v1', fetch: createSimFetch(), poll: fast });
    await expect(tuner.fineTune({ baseModel: 'sim-1', records: records.slice(0, 3) })).rejects.toThrow(/failed: The training file has 3 example\(s\); at least 10/);
  });

  it('stops polling within a second of an abort, with an AbortError', async () => {
    const tuner = createFineTuner({ baseURL: 'http://sim.local/v1', fetch: createSimFetch(), poll: { initialDelayMs: 5000, maxDelayMs: 5000 } });
    const controller = new AbortController();
    const run = tuner.fineTune({ baseModel: 'sim-1', records, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('never puts the API key in an error message', async () => {
    const key = 'sk-secret-123456';
    const fetch = (async () => new Response(JSON.stringify({ error: { message: `bad key ${key}`, type: 'invalid_request_error', code: 'invalid_api_key', param: null } }), { status: 401, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
    const tuner = createFineTuner({ baseURL: 'http://sim.local/v1', apiKey: key, fetch, poll: fast });
    const error = await tuner.fineTune({ baseModel: 'sim-1', records }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('uploading the training file');
    expect((error as Error).message).not.toContain(key);
  });
});

describe('createFineTuner over real HTTP', () => {
  it('uploads multipart JSONL to the Node sim server and gets a model back', async () => {
    const sim = await startSimServer({ port: 0 });
    try {
      const tuner = createFineTuner({ baseURL: sim.url, poll: fast });
      const result = await tuner.fineTune({ baseModel: 'sim-1', records });
      expect(result.model).toMatch(/^ft:sim-1:sim:custom:[0-9a-f]{8}$/);
    } finally {
      await sim.close();
    }
  });
});
