import { describe, expect, it } from 'vitest';
import { generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import { bootstrapFewShot, bootstrapFewShotConfig } from './bootstrap-fewshot';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

const rows = generateClassification(100, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const devset = examples.slice(40);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'bootstrap-fewshot', config: {}, graph, trainset, valset: trainset.slice(0, 20), devset, metric: getMetric('exact-match'), seed: 7, concurrency: 8, ...overrides };
}

const host = simHost;

describe('bootstrap-fewshot', () => {
  it("accepts DSPy's parameter names and defaults", () => {
    expect(bootstrapFewShotConfig.parse({})).toEqual({ max_bootstrapped_demos: 4, max_labeled_demos: 16, max_rounds: 1, max_errors: 10 });
    expect(() => bootstrapFewShotConfig.parse({ max_rounds: 0 })).toThrow();
    expect(bootstrapFewShot.plan(bootstrapFewShotConfig.parse({ max_rounds: 2 }), { train: 40, val: 20, predictors: 1 })).toMatchObject({ taskRuns: 100, taskCalls: 100, promptCalls: 0 });
  });

  it('lifts held-out dev accuracy by at least 20 points over zero-shot, within the planned calls', async () => {
    const events: RunEvent[] = [];
    const counter = { runs: 0, retries: 0 };
    const outcome = await runOptimizer(spec(), host(events, counter));
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    const { baselineDevScore = 0, finalDevScore = 0 } = outcome.result;
    console.log(`bootstrap-fewshot dev: zero-shot ${baselineDevScore.toFixed(3)} → ${finalDevScore.toFixed(3)}`);
    expect(finalDevScore - baselineDevScore).toBeGreaterThanOrEqual(0.2);
    const demos = outcome.result.program['classify']?.demos ?? [];
    expect(demos.filter((d) => d.augmented)).toHaveLength(4);
    expect(demos).toHaveLength(16);
    const trials = events.filter((e) => e.type === 'trial');
    expect(trials).toHaveLength(1);
    // Program runs: 2·dev (before/after) + val + bootstrap runs between 4 and T.
    const plan = planRun(spec(), 'sim-1');
    expect(counter.runs).toBeLessThanOrEqual(plan.taskCalls);
    expect(counter.runs).toBeGreaterThanOrEqual(2 * devset.length + 20 + 4);
    expect(outcome.result.usage.calls).toBe(counter.runs + counter.retries);
  });

  it('is deterministic for a seed, and replays from a warm cache without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const a = await runOptimizer(spec({ devset: [] }), host([], undefined, cache));
    const counter = { runs: 0, retries: 0 };
    const b = await runOptimizer(spec({ devset: [], concurrency: 3 }), host([], counter, cache));
    if (a.status !== 'finished' || b.status !== 'finished') throw new Error('a run did not finish');
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(counter.runs + counter.retries).toBe(0);
    const c = await runOptimizer(spec({ devset: [], seed: 8 }), host([], undefined, cache));
    if (c.status !== 'finished') throw new Error('run c did not finish');
    expect(JSON.stringify(c.result.program)).not.toBe(JSON.stringify(a.result.program));
  });

  it('stops at the call budget with a valid program', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec({ budget: { maxCalls: 12 }, devset: [] }), host(events));
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    expect(outcome.result.stopReason).toBe('budget');
    expect(outcome.result.usage.calls).toBeLessThanOrEqual(12);
    expect(outcome.result.program['classify']?.signature.outputs[0]?.name).toBe('label');
  });
});
