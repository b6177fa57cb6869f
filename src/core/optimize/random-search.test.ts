import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createOpenAIClient } from '../lm/openai-client';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import { randomSearch, randomSearchConfig } from './random-search';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

const rows = generateClassification(280, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const valset = examples.slice(40, 120);
const devset = examples.slice(160, 280);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'random-search', config: { num_candidate_programs: 3 }, graph, trainset, valset: valset.slice(0, 30), devset, metric: getMetric('exact-match'), seed: 7, concurrency: 8, ...overrides };
}

const host = simHost;

describe('random-search', () => {
  it("accepts DSPy's parameter names and plans (N+1)·T bootstrap plus (N+3)·V scoring runs", () => {
    const config = randomSearchConfig.parse({});
    expect(config).toMatchObject({ num_candidate_programs: 16, max_bootstrapped_demos: 4, max_labeled_demos: 16, max_rounds: 1 });
    expect(randomSearch.plan(config, { train: 40, val: 30, predictors: 1 })).toMatchObject({ taskRuns: 17 * 40 + 19 * 30, promptCalls: 0 });
    expect(() => randomSearchConfig.parse({ stop_at_score: 101 })).toThrow();
  });

  it('reaches at least BootstrapFewShot on held-out dev, scoring every candidate as a full trial', async () => {
    // Which demo set is best on val carries over to dev only as far as 80 val and 120 dev examples
    // resolve differences of a few points: one seed here (the report lists a multi-seed probe).
    const cacheStore = new MemoryCacheStore();
    const dev = { rs: 0, bfs: 0 };
    for (const seed of [7]) {
      const events: RunEvent[] = [];
      const counter = { runs: 0, retries: 0 };
      const big = { config: { num_candidate_programs: 8 }, valset, seed };
      const outcome = await runOptimizer(spec(big), { ...host(events, counter), cacheStore });
      const single = await runOptimizer(spec({ ...big, optimizer: 'bootstrap-fewshot', config: {} }), { ...host([]), cacheStore });
      if (outcome.status !== 'finished' || single.status !== 'finished') throw new Error('a run did not finish');
      dev.rs += outcome.result.finalDevScore ?? 0;
      dev.bfs += single.result.finalDevScore ?? 0;
      console.log(`seed ${seed} dev: zero-shot ${outcome.result.baselineDevScore?.toFixed(3)}; random-search ${outcome.result.finalDevScore?.toFixed(3)} (val ${outcome.result.score.toFixed(3)}); bootstrap-fewshot ${single.result.finalDevScore?.toFixed(3)} (val ${single.result.score.toFixed(3)})`);
      // BootstrapFewShot's program is candidate −1, so the search can only do as well or better on val.
      expect(outcome.result.score).toBeGreaterThanOrEqual(single.result.score);
      const trials = events.flatMap((e) => (e.type === 'trial' ? [e.trial] : []));
      expect(trials.map((t) => t.label.split(' ')[0])).toEqual(['zero-shot', 'labeled', 'bootstrap,', 'seed', 'seed', 'seed', 'seed', 'seed', 'seed', 'seed', 'seed']);
      expect(trials.every((t) => t.subset === 'full' && t.examples.length === valset.length)).toBe(true);
      // The best is the first candidate with the top score (strict >).
      const top = Math.max(...trials.map((t) => t.score));
      expect(JSON.stringify(outcome.result.program)).toBe(JSON.stringify(trials.find((t) => t.score === top)?.candidate));
      // First attempts (program runs) fall within the plan: at least the 11 val scorings and dev before/after.
      const plan = planRun(spec(big), 'sim-1');
      expect(counter.runs).toBeLessThanOrEqual(plan.taskCalls);
      expect(counter.runs + outcome.result.usage.cachedCalls).toBeGreaterThanOrEqual(2 * devset.length + 11 * valset.length);
    }
    expect(dev.rs).toBeGreaterThanOrEqual(dev.bfs);
  }, 60_000);

  it('stops at stop_at_score', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec({ config: { num_candidate_programs: 3, stop_at_score: 1 }, devset: [] }), host(events));
    if (outcome.status !== 'finished') throw new Error('the run did not finish');
    expect(outcome.result.stopReason).toBe('stop-at-score');
    expect(outcome.result.trials).toBe(1);
  });

  it('is deterministic for a seed, and replays from a warm cache without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const a = await runOptimizer(spec({ devset: [] }), host([], undefined, cache));
    const counter = { runs: 0, retries: 0 };
    const b = await runOptimizer(spec({ devset: [], concurrency: 2 }), host([], counter, cache));
    if (a.status !== 'finished' || b.status !== 'finished') throw new Error('a run did not finish');
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(counter.runs + counter.retries).toBe(0);
  });

  it('stops at the call budget and returns the best fully scored candidate so far', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec({ budget: { maxCalls: 150 }, devset: [] }), host(events));
    if (outcome.status !== 'finished') throw new Error('the run did not finish');
    expect(outcome.result.stopReason).toBe('budget');
    expect(outcome.result.usage.calls).toBeLessThanOrEqual(150);
    const bests = events.flatMap((e) => (e.type === 'best' ? [e] : []));
    expect(bests.length).toBeGreaterThan(0);
    expect(JSON.stringify(outcome.result.program)).toBe(JSON.stringify(bests.at(-1)?.candidate));
    expect(outcome.result.score).toBe(bests.at(-1)?.score);
  });

  it('cancels within a second, mid-bootstrap or mid-scoring', async () => {
    const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 150 }) });
    for (const waitMs of [100, 1500]) {
      const controller = new AbortController();
      const events: RunEvent[] = [];
      const run = runOptimizer(spec({ devset: [] }), { taskClient: client, emit: (e) => events.push(e), signal: controller.signal });
      await new Promise((r) => setTimeout(r, waitMs));
      const t0 = performance.now();
      controller.abort();
      const outcome = await run;
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(outcome.status).toBe('cancelled');
      expect(events.at(-1)?.type).toBe('cancelled');
    }
  });
});
