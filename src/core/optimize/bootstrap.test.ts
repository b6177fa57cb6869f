import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createOpenAIClient } from '../lm/openai-client';
import { createLM } from '../lm/stack';
import type { LM } from '../lm/types';
import { UsageMeter } from '../lm/usage';
import { graphFromSignature } from '../program/build';
import { compileProgram } from '../program/execute';
import { programState } from '../program/state';
import { parseSignature } from '../signature';
import { bootstrapDemos, createFewshotDemoSets } from './bootstrap';
import { traceDemos } from './bootstrap-demos';
import { firstSuccessesInOrder } from './bootstrap-order';
import { createOptimizerContext } from './context';

const rows = generateClassification(40, 11);
const trainset: Example[] = rows.map((r, i) => ({ id: `t${i}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });
const student = programState(graph);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sim client whose replies come back in a scrambled order, so completion order differs from launch order. */
function jitteryClient(counter: { calls: number; prompts?: string[] }): LM {
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  return {
    model: client.model,
    async complete(request) {
      counter.calls++;
      counter.prompts?.push(request.messages.map((m) => m.content).join('\n'));
      await sleep(Math.floor(Math.random() * 15));
      return client.complete(request);
    },
  };
}

function context(concurrency: number, extra: { cache?: MemoryCacheStore; counter?: { calls: number; prompts?: string[] }; signal?: AbortSignal } = {}) {
  const meter = new UsageMeter();
  const taskLM = createLM({ client: jitteryClient(extra.counter ?? { calls: 0 }), cacheStore: extra.cache, scheduler: { concurrency }, meter });
  return createOptimizerContext({
    program: compileProgram(graph), baseline: student, trainset, valset: trainset, metric: getMetric('exact-match'), fields: ['label'],
    taskLM, promptLM: taskLM, meter, seed: 5, signal: extra.signal ?? new AbortController().signal, concurrency, emit: () => {}, now: () => performance.now(), onActivity: () => {},
  });
}

const options = { student, trainset, maxBootstrappedDemos: 4, maxLabeledDemos: 6, maxRounds: 2, seed: 3 };

describe('firstSuccessesInOrder', () => {
  it('accepts the first successes in list order whatever order attempts finish in', async () => {
    const ok = [false, true, false, true, true, false, true, true, true];
    for (const width of [1, 3, 8]) {
      const launched: number[] = [];
      const out = await firstSuccessesInOrder(ok.length, width, 3, async (i) => {
        launched.push(i);
        await sleep(Math.floor(Math.random() * 10));
        return ok[i] as boolean;
      }, (r) => r);
      expect(out.accepted).toEqual([1, 3, 4]);
      // Launch decisions depend on a finished prefix only, so they are the same on every run.
      expect(out.launched).toBe(Math.min(ok.length, 4 + width));
      expect(new Set(launched).size).toBe(out.launched);
    }
  });

  it('decides as soon as the first successes are in the finished prefix, and finishes the rest in `rest`', async () => {
    const gates = Array.from({ length: 10 }, () => {
      let open: (ok: boolean) => void = () => {};
      const promise = new Promise<boolean>((resolve) => (open = resolve));
      return { promise, open };
    });
    const launched: number[] = [];
    let decided = false;
    let restDone = false;
    const pending = firstSuccessesInOrder(10, 4, 2, (i) => {
      launched.push(i);
      return (gates[i] as (typeof gates)[number]).promise;
    }, (r) => r).then((out) => {
      decided = true;
      void out.rest.then(() => (restDone = true));
      return out;
    });
    expect(launched).toEqual([0, 1, 2, 3]);
    gates[0]?.open(true);
    gates[1]?.open(true);
    const out = await pending;
    // Item 4's gate (item 0) is done and only one success lies before it: the rule launches it,
    // before the outcome resolves; nothing is launched after.
    expect(out).toMatchObject({ accepted: [0, 1], launched: 5 });
    expect(launched).toEqual([0, 1, 2, 3, 4]);
    expect(decided).toBe(true);
    await sleep(5);
    expect(restDone).toBe(false);
    for (const i of [2, 3, 4]) gates[i]?.open(false);
    await out.rest;
    expect(launched).toHaveLength(5);
    expect(out.results.slice(0, 5)).toEqual([true, true, false, false, false]);
  });

  it('keeps `rest` pending while a straggler runs, even if nothing was in flight earlier in the search', async () => {
    const gates = Array.from({ length: 6 }, () => {
      let open: (ok: boolean) => void = () => {};
      const promise = new Promise<boolean>((resolve) => (open = resolve));
      return { promise, open };
    });
    const pending = firstSuccessesInOrder(6, 2, 2, (i) => (gates[i] as (typeof gates)[number]).promise, (r) => r);
    gates[1]?.open(true);
    await sleep(1);
    gates[0]?.open(false); // nothing in flight for a moment; items 2 and 3 launch next
    await sleep(1);
    gates[2]?.open(true); // the second success: decided while item 3 still runs
    const out = await pending;
    expect(out.accepted).toEqual([1, 2]);
    let restDone = false;
    void out.rest.then(() => (restDone = true));
    await sleep(5);
    expect(restDone).toBe(false);
    gates[3]?.open(false);
    await out.rest;
    expect(out.results[3]).toBe(false);
  });

  it('stops with the error thrown while reading the prefix, and launches nothing when none are needed', async () => {
    const none = await firstSuccessesInOrder(5, 2, 0, () => Promise.resolve(true), (r) => r);
    expect(none).toMatchObject({ accepted: [], launched: 0 });
    await expect(firstSuccessesInOrder(5, 2, 3, () => Promise.resolve(false), (r) => r, (i) => {
      if (i === 2) throw new Error('too many errors');
    })).rejects.toThrow('too many errors');
  });
});

describe('bootstrapDemos', () => {
  it('in parallel yields exactly the demos of a serial run', async () => {
    const serial = await bootstrapDemos(context(1), options);
    const parallel = await bootstrapDemos(context(8), options);
    expect(JSON.stringify(parallel.program)).toBe(JSON.stringify(serial.program));
    expect(parallel.bootstrapped).toBe(serial.bootstrapped);
    expect(serial.bootstrapped).toBe(4);
    expect(parallel.tried).toBeGreaterThanOrEqual(serial.tried);
    const demos = serial.program['classify']?.demos ?? [];
    expect(demos).toHaveLength(6);
    // Bootstrapped first, key order augmented → inputs → outputs, then labeled ones.
    expect(Object.keys(demos[0] ?? {})).toEqual(['augmented', 'text', 'label']);
    expect(demos.slice(0, 4).every((d) => d.augmented === true)).toBe(true);
    expect(demos.slice(4).every((d) => d.augmented === undefined)).toBe(true);
    // An augmented demo is a correct answer to a train example.
    for (const d of demos.slice(0, 4)) expect(trainset.some((ex) => ex.data.text === d.text && ex.data.label === d.label)).toBe(true);
  });

  it('settling early gives the same demos, and its stragglers fill the cache for a warm rerun', async () => {
    const serial = await bootstrapDemos(context(1), options);
    const cache = new MemoryCacheStore();
    const counter = { calls: 0 };
    const early = await bootstrapDemos(context(8, { cache, counter }), { ...options, settleEarly: true });
    expect(JSON.stringify(early.program)).toBe(JSON.stringify(serial.program));
    await early.stragglers;
    const cold = counter.calls;
    expect(cold).toBeGreaterThanOrEqual(early.tried);
    const warm = await bootstrapDemos(context(8, { cache, counter }), options);
    expect(JSON.stringify(warm.program)).toBe(JSON.stringify(serial.program));
    expect(counter.calls).toBe(cold);
  });

  it('uses a compiled teacher as given, minus the example at hand', async () => {
    const own = trainset[0] as Example;
    const custom = { text: 'Where is my parcel? It has been two weeks.', label: 'shipping' };
    const teacher = { classify: { signature: student.classify!.signature, demos: [{ ...own.data }, custom] } };
    const counter = { calls: 0, prompts: [] as string[] };
    const out = await bootstrapDemos(context(4, { counter }), { ...options, teacher, maxLabeledDemos: 4, metricThreshold: 0.5 });
    expect(out.program['classify']?.demos.filter((d) => d.augmented)).toHaveLength(4);
    expect(out.program['classify']?.demos).toHaveLength(4);
    // Every bootstrap request shows the teacher's custom demo. Example 0 is a demo for the other
    // examples and the input of its own request, never both: it is removed from its own demos.
    expect(counter.prompts.every((p) => p.includes(custom.text))).toBe(true);
    const ownText = String(own.data.text);
    expect(counter.prompts.filter((p) => p.includes(ownText)).length).toBeGreaterThan(1);
    expect(counter.prompts.every((p) => p.split(ownText).length <= 2)).toBe(true);
  });

  it('keeps one demo per predictor from a looping trace, the same one every time', () => {
    const step = (i: number) => ({ predictor: 'agent.react', nodeId: 'n', inputs: { q: `q${i}` }, outputs: { a: `a${i}` }, calls: [] });
    const trace = [step(1), step(2), step(3), { ...step(9), predictor: 'other' }];
    const a = traceDemos(trace, new Set(['agent.react']));
    expect([...a.keys()]).toEqual(['agent.react']);
    expect(a.get('agent.react')).toEqual(traceDemos(trace, new Set(['agent.react'])).get('agent.react'));
    expect(['q1', 'q2', 'q3']).toContain(a.get('agent.react')?.q);
    expect(Object.keys(a.get('agent.react') ?? {})).toEqual(['augmented', 'q', 'a']);
  });

  it('rejects with the abort when the run is cancelled', async () => {
    const controller = new AbortController();
    const pending = bootstrapDemos(context(4, { signal: controller.signal }), options);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('createFewshotDemoSets', () => {
  it('builds the −3/−2/−1/shuffled sets, deterministically, and replays from a warm cache', async () => {
    const cache = new MemoryCacheStore();
    const counter = { calls: 0 };
    const setOptions = { student, trainset, numSets: 6, maxBootstrappedDemos: 3, maxLabeledDemos: 4, seed: 9 };
    const seen: number[] = [];
    const a = await createFewshotDemoSets(context(8, { cache, counter }), { ...setOptions, onSet: (s) => seen.push(s.seed) });
    expect(seen).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(a).toHaveLength(6);
    expect(a[0]?.classify?.demos).toEqual([]);
    expect(a[1]?.classify?.demos).toHaveLength(4);
    expect(a[1]?.classify?.demos.some((d) => d.augmented)).toBe(false);
    expect(a[2]?.classify?.demos.filter((d) => d.augmented)).toHaveLength(3);
    for (const set of a.slice(3)) {
      const n = set.classify?.demos.filter((d) => d.augmented).length ?? 0;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    const firstCalls = counter.calls;
    expect(firstCalls).toBeGreaterThan(0);
    const b = await createFewshotDemoSets(context(3, { cache, counter }), setOptions);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(counter.calls).toBe(firstCalls);
  });
});
