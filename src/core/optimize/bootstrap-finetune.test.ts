import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createFineTuner, toJsonl, type FineTuneRequest, type FineTuner } from '../lm/finetune';
import { createOpenAIClient } from '../lm/openai-client';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import { recordFromStep } from './bootstrap-finetune';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunHost, type RunSpec } from './runner';

const rows = generateClassification(100, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `t${i}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const devset = examples.slice(40);
const signature = parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']");
const graph = graphFromSignature(signature, { name: 'classify' });
const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({ optimizer: 'bootstrap-finetune', graph, trainset, devset, metric: getMetric('exact-match'), seed: 5, concurrency: 4, ...overrides });

/** Wraps the tuner to keep what was submitted (the JSONL content the provider received). */
function recordingTuner(fetch: typeof globalThis.fetch, submitted: FineTuneRequest[]): FineTuner {
  const tuner = createFineTuner({ baseURL: 'http://sim.local/v1', fetch, poll: { initialDelayMs: 1, maxDelayMs: 4 } });
  return { fineTune: (request) => (submitted.push(request), tuner.fineTune(request)) };
}

function host(events: RunEvent[], submitted: FineTuneRequest[], cache?: MemoryCacheStore): RunHost {
  const fetch = createSimFetch();
  return { taskClient: createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch }), fineTuner: recordingTuner(fetch, submitted), cacheStore: cache, emit: (e) => events.push(e) };
}

describe('bootstrap-finetune on the sim', () => {
  it('trains on successful traces, completes a job and the fine-tuned program scores at least the baseline on dev', async () => {
    const events: RunEvent[] = [];
    const submitted: FineTuneRequest[] = [];
    const outcome = await runOptimizer(spec(), host(events, submitted));
    expect(outcome).toMatchObject({ status: 'finished' });
    if (outcome.status !== 'finished') return;
    const state = outcome.result.program['classify'];
    expect(state?.model).toMatch(/^ft:sim-1:sim:prompt-studio:[0-9a-f]{8}$/);
    expect(submitted).toHaveLength(1);
    const records = submitted[0]?.records ?? [];
    const logs = events.flatMap((e) => (e.type === 'log' ? [e.message] : []));
    const kept = Number(/^(\d+) of 40 train traces succeeded$/.exec(logs.find((l) => l.endsWith('train traces succeeded')) ?? '')?.[1]);
    expect(records.length).toBe(kept);
    expect(kept).toBeGreaterThanOrEqual(10);
    for (const r of records) {
      expect(r.messages[0]?.role).toBe('system');
      expect(r.messages.at(-1)?.role).toBe('assistant');
      expect(r.messages.at(-1)?.content).toContain('[[ ## label ## ]]');
    }
    expect(logs.some((l) => /job ftjob-\S+: succeeded/.test(l))).toBe(true);
    expect(outcome.result.finalDevScore).toBeGreaterThanOrEqual(outcome.result.baselineDevScore ?? 1);
  });

  it('writes JSONL the provider accepts: one chat transcript per line, the exact prompt then the reply', async () => {
    const submitted: FineTuneRequest[] = [];
    await runOptimizer(spec({ devset: [] }), host([], submitted));
    const jsonl = toJsonl(submitted[0]?.records ?? []);
    const lines = jsonl.trimEnd().split('\n');
    expect(lines.length).toBe(submitted[0]?.records.length);
    for (const line of lines) {
      const { messages } = JSON.parse(line) as { messages: { role: string; content: string }[] };
      expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(messages[1]?.content).toContain('[[ ## text ## ]]');
    }
  });

  it('makes the calls its plan counts, and a warm cache replays the same program without LM calls', async () => {
    const cache = new MemoryCacheStore();
    const plan = planRun(spec(), 'sim-1');
    const a = await runOptimizer(spec(), host([], [], cache));
    const b = await runOptimizer(spec(), host([], [], cache));
    if (a.status !== 'finished' || b.status !== 'finished') throw new Error('both runs should finish');
    // Each run is one chat call, plus a JSON-adapter retry when the reply does not parse.
    const calls = a.result.usage.calls;
    expect(calls).toBeGreaterThanOrEqual(plan.taskRuns);
    expect(calls).toBeLessThanOrEqual(2 * plan.taskCalls);
    expect(b.result.usage.calls).toBe(b.result.usage.cachedCalls);
    expect(b.result.usage.spent.totalTokens).toBe(0);
    // Same data and seed: the same shuffled file, hence the same fine-tuned model id.
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
  });

  it('fails with a clear message when the host has no fine-tuning API', async () => {
    const h = host([], []);
    const outcome = await runOptimizer(spec(), { ...h, fineTuner: undefined });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining("needs the provider's fine-tuning API") });
  });

  it('cancels within a second while the job is being polled', async () => {
    const fetch = createSimFetch();
    const controller = new AbortController();
    let polling!: () => void;
    const started = new Promise<void>((resolve) => (polling = resolve));
    const slow = createFineTuner({ baseURL: 'http://sim.local/v1', fetch, poll: { initialDelayMs: 10_000, maxDelayMs: 10_000 } });
    const fineTuner: FineTuner = { fineTune: (r) => slow.fineTune({ ...r, onStatus: (s, id) => (polling(), r.onStatus?.(s, id)) }) };
    const events: RunEvent[] = [];
    const run = runOptimizer(spec({ devset: [] }), { taskClient: createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch }), fineTuner, emit: (e) => events.push(e), signal: controller.signal });
    await started;
    const t0 = performance.now();
    controller.abort();
    const outcome = await run;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(outcome.status).toBe('cancelled');
  });
});

describe('recordFromStep', () => {
  it('rebuilds the prompt without demos when exclude_demos is set, keeping the reply', () => {
    const demo = { text: 'My invoice is wrong', label: 'billing' };
    const state = { classify: { signature, demos: [demo] } };
    const raw = '[[ ## label ## ]]\nshipping\n\n[[ ## completed ## ]]';
    const messages = [
      { role: 'system' as const, content: 'sys' },
      { role: 'user' as const, content: 'demo in' },
      { role: 'assistant' as const, content: 'demo out' },
      { role: 'user' as const, content: 'now' },
    ];
    const step = { predictor: 'classify', nodeId: 'n', inputs: { text: 'Where is my parcel?' }, outputs: { label: 'shipping' }, calls: [{ adapter: 'chat' as const, messages, raw, usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, cached: false, latencyMs: 1 }] };
    expect(recordFromStep(step, state, false)?.messages).toEqual([...messages, { role: 'assistant', content: raw }]);
    const bare = recordFromStep(step, state, true)?.messages ?? [];
    expect(bare.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(bare[1]?.content).toContain('Where is my parcel?');
    expect(bare.some((m) => m.content.includes('My invoice is wrong'))).toBe(false);
    expect(recordFromStep({ ...step, calls: [{ ...step.calls[0]!, raw: undefined, error: 'boom' }] }, state, false)).toBeNull();
  });
});
