import { describe, expect, it } from 'vitest';
import { generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { createPauseGate } from '../lm/scheduler-flow';
import type { Embedder } from '../lm/types';
import { withEmbeddingGate } from '../retrieve/embedder-stack';
import { BudgetExceededError } from './budget';
import { graphFromSignature } from '../program/build';
import { programState } from '../program/state';
import { parseSignature } from '../signature';
import { knnFewShot, knnFewShotConfig } from './knn-fewshot';
import { inputText, nearest, neighbourVotes } from './knn-neighbours';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

const rows = generateClassification(100, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const devset = examples.slice(70);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'knn-fewshot', config: {}, graph, trainset, valset: examples.slice(40, 70), devset: examples.slice(70), metric: getMetric('exact-match'), seed: 7, concurrency: 8, ...overrides };
}

const host = simHost;

describe('knn neighbours', () => {
  it('finds nearest vectors by dot product and ranks train examples by votes', () => {
    const train = [[1, 0], [0, 1], [0.7, 0.7]];
    expect(nearest(train, [0.9, 0.1], 2)).toEqual([0, 2]);
    expect(neighbourVotes(train, [[1, 0], [0.9, 0.2], [0, 1]], 1)).toEqual([{ index: 0, votes: 2 }, { index: 1, votes: 1 }]);
    expect(inputText({ id: 'x', data: { text: 'hi', n: 2 } }, ['text', 'n'])).toBe('text: hi | n: 2');
  });
});

describe('knn-fewshot', () => {
  it("accepts k and BootstrapFewShot's parameters", () => {
    expect(knnFewShotConfig.parse({})).toMatchObject({ k: 3, max_bootstrapped_demos: 4, max_labeled_demos: 16 });
    expect(knnFewShot.plan(knnFewShotConfig.parse({}), { train: 40, val: 30, predictors: 1 })).toMatchObject({ taskRuns: 70, taskCalls: 70 });
    expect(knnFewShot.plan(knnFewShotConfig.parse({}), { train: 40, val: 30, predictors: 1 }).notes[0]).toMatch(/^2 embeddings requests for 40 train and 30 val inputs/);
    expect(knnFewShot.plan(knnFewShotConfig.parse({}), { train: 300, val: 1, predictors: 1 }).notes[0]).toMatch(/^3 embeddings requests/);
  });

  it("meters its embeddings requests in the run's usage, and stops cleanly at a call budget they reach", async () => {
    const base = host([]);
    const sent: number[] = [];
    const counting: Embedder = { embed: (request) => (sent.push(request.input.length), base.embedder.embed(request)) };
    const outcome = await runOptimizer(spec({ devset: [], budget: { maxCalls: 1 } }), { ...base, embedder: counting });
    if (outcome.status !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(outcome)}`);
    // The train inputs' request went; the val inputs' was refused before it was sent.
    expect(sent).toEqual([trainset.length]);
    expect(outcome.result.stopReason).toBe('budget');
    expect(outcome.result.program).toEqual(programState(graph));
    expect(outcome.result.usage.calls).toBe(1);
    expect(outcome.result.usage.spent.promptTokens).toBeGreaterThan(0);
  });

  it('waits while the host is offline and goes on when it is back', async () => {
    const base = host([]);
    const gate = createPauseGate(true);
    let sent = 0;
    const counting: Embedder = { embed: (request) => (sent++, base.embedder.embed(request)) };
    const pending = runOptimizer(spec({ devset: [] }), { ...base, embedder: withEmbeddingGate(counting, gate) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBe(0);
    gate.resume();
    expect((await pending).status).toBe('finished');
    expect(sent).toBe(2);
  });

  it("hands services the run's embedder: embedding search is metered and budgeted like its LM calls", async () => {
    let given: Embedder | undefined;
    const outcome = await runOptimizer(spec({ devset: [], budget: { maxCalls: 10 } }), {
      ...host([]),
      services: (embedder) => ((given = embedder), {}),
    });
    expect(outcome.status).toBe('finished');
    if (!given) throw new Error('services was not given an embedder');
    await expect(given.embed({ input: ['after the budget'] })).rejects.toBeInstanceOf(BudgetExceededError);
  });

  it('improves on zero-shot on held-out dev, within the planned calls', async () => {
    const events: RunEvent[] = [];
    const counter = { runs: 0, retries: 0 };
    const outcome = await runOptimizer(spec(), host(events, counter));
    if (outcome.status !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(outcome)}`);
    const { baselineDevScore = 0, finalDevScore = 0 } = outcome.result;
    console.log(`knn-fewshot dev: zero-shot ${baselineDevScore.toFixed(3)} → ${finalDevScore.toFixed(3)}`);
    expect(finalDevScore).toBeGreaterThan(baselineDevScore);
    expect(outcome.result.program['classify']?.demos.filter((d) => d.augmented)).toHaveLength(4);
    expect(events.some((e) => e.type === 'log' && e.message.includes('nearest of some val input'))).toBe(true);
    const plan = planRun(spec(), 'sim-1');
    expect(counter.runs).toBeLessThanOrEqual(plan.taskCalls);
    expect(counter.runs).toBeGreaterThanOrEqual(2 * devset.length + 30 + 4);
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

  it('fails with a clear message without an embeddings endpoint, and stops at the call budget', async () => {
    const { embedder: _embedder, ...noEmbedder } = host([]);
    const failed = await runOptimizer(spec({ devset: [] }), noEmbedder);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('needs an embeddings endpoint') });
    const outcome = await runOptimizer(spec({ budget: { maxCalls: 10 }, devset: [] }), host([]));
    if (outcome.status !== 'finished') throw new Error('the run did not finish');
    expect(outcome.result.stopReason).toBe('budget');
    expect(outcome.result.program['classify']).toBeDefined();
  });
});
