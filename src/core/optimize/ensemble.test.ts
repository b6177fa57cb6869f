import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { RunExample } from '../evaluate/types';
import { createOpenAIClient } from '../lm/openai-client';
import { createLM } from '../lm/stack';
import { UsageMeter } from '../lm/usage';
import { compileProgram } from '../program/execute';
import { programState } from '../program/state';
import { createOptimizerContext } from './context';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { MemoryCacheStore } from '../lm/cache-store';
import { graphFromSignature } from '../program/build';
import { parseSignature } from '../signature';
import type { Prediction, ProgramState } from '../program/types';
import { ensemble, ensembleConfig } from './ensemble';
import { majorityIndex, runEnsemble } from './ensemble-vote';
import type { RunEvent } from './events';
import { planRun, runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

const rows = generateClassification(200, 21);
const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const trainset = examples.slice(0, 40);
const valset = examples.slice(40, 70);
const devset = examples.slice(80);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { optimizer: 'ensemble', config: { num_candidate_programs: 2 }, graph, trainset, valset, devset, metric: getMetric('exact-match'), seed: 7, concurrency: 8, ...overrides };
}

const host = simHost;

const prediction = (label: string, error?: string): Prediction => ({ outputs: { label }, trace: [], usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, savedUsage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, ...(error ? { error } : {}) });

describe('ensemble vote', () => {
  it('takes the majority over normalized answers, ties to the earliest, skipping failures', async () => {
    expect(majorityIndex([prediction('billing'), prediction('shipping'), prediction('Shipping.')], ['label'])).toBe(1);
    expect(majorityIndex([prediction('billing'), prediction('shipping')], ['label'])).toBe(0);
    expect(majorityIndex([prediction('x', 'parse error'), prediction('account')], ['label'])).toBe(1);
    const states: ProgramState[] = [{}, {}, {}];
    const labels = ['account', 'technical', 'technical'];
    const combined = await runEnsemble((m) => Promise.resolve(prediction(labels[states.indexOf(m)] as string)), states, ['label']);
    expect(combined.outputs).toEqual({ label: 'technical' });
    expect(combined.usage.totalTokens).toBe(6);
    await expect(runEnsemble(() => Promise.resolve(prediction('a')), [], ['label'])).rejects.toThrow('at least one program');
  });
});

describe('ensemble', () => {
  it('accepts size, reduce_fn and the random-search parameters; plans the vote on top of the search', () => {
    const config = ensembleConfig.parse({ num_candidate_programs: 4 });
    expect(config).toMatchObject({ size: 3, reduce_fn: 'majority', max_bootstrapped_demos: 4 });
    expect(() => ensembleConfig.parse({ reduce_fn: 'mean' })).toThrow();
    expect(ensemble.plan(config, { train: 40, val: 60, predictors: 1 }).taskRuns).toBe(5 * 40 + 7 * 60 + 3 * 60);
  });

  async function searchAndMembers() {
    const events: RunEvent[] = [];
    const cache = new MemoryCacheStore();
    const counter = { runs: 0, retries: 0 };
    const outcome = await runOptimizer(spec({ devset: [] }), host(events, counter, cache));
    if (outcome.status !== 'finished') throw new Error('the run did not finish');
    const trials = events.flatMap((e) => (e.type === 'trial' ? [e.trial] : []));
    // The members: the search's three best candidates, best first (ties keep the earlier one).
    const members = trials.slice(0, 5).map((t, i) => ({ t, i })).sort((a, b) => b.t.score - a.t.score || a.i - b.i).slice(0, 3).map(({ t }) => t.candidate);
    return { events, trials, members, outcome, counter, cache };
  }

  it('records the ensemble as a trial and returns its best member, within the planned calls', async () => {
    const { events, trials, members, outcome, counter } = await searchAndMembers();
    expect(trials).toHaveLength(6);
    const vote = trials[5];
    expect(vote?.label).toMatch(/^ensemble of 3 \(majority\)/);
    expect(vote?.examples).toHaveLength(valset.length);
    // The vote's trial never becomes the best: its score is not one program's.
    expect(events.some((e) => e.type === 'best' && e.trialIndex === 5)).toBe(false);
    expect(JSON.stringify(outcome.result.program)).toBe(JSON.stringify(members[0]));
    expect(outcome.result.score).toBe(trials.find((t) => JSON.stringify(t.candidate) === JSON.stringify(members[0]))?.score);
    expect(events.some((e) => e.type === 'log' && e.message.startsWith('the ensemble scores'))).toBe(true);
    expect(counter.runs).toBeLessThanOrEqual(planRun(spec({ devset: [] }), 'sim-1').taskCalls);
  }, 40_000);

  it('votes at least as well on held-out dev as its best member', async () => {
    // The sim's difficulty is partly the prompt's own and its format slips are the prompt's, so
    // members fail on partly different tickets, as real models do, and a majority can fix some.
    const { members } = await searchAndMembers();
    const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
    const lm = createLM({ client, scheduler: { concurrency: 8 } });
    const ctx = createOptimizerContext({
      program: compileProgram(graph), baseline: programState(graph), trainset, valset, metric: getMetric('exact-match'), fields: ['label'],
      taskLM: lm, promptLM: lm, meter: new UsageMeter(), seed: 7, signal: new AbortController().signal, concurrency: 8,
      emit: () => {}, now: () => 0, onActivity: () => {},
    });
    const dev = async (runExample?: RunExample) =>
      (await ctx.evaluate(members[0] as ProgramState, devset, { label: 'dev', subset: 'full', record: false, ...(runExample ? { runExample } : {}) })).result.score;
    const memberScores: number[] = [];
    for (const member of members) memberScores.push(await dev((example) => ctx.run(member, example)));
    const vote = await dev((example) => runEnsemble((member) => ctx.run(member, example), members, ['label']));
    console.log(`ensemble dev: members ${memberScores.map((x) => x.toFixed(3)).join(', ')}; majority ${vote.toFixed(3)}`);
    expect(vote).toBeGreaterThanOrEqual(Math.max(...memberScores));
  }, 40_000);

  it('is deterministic for a seed, and replays from a warm cache without provider calls', async () => {
    const cache = new MemoryCacheStore();
    const a = await runOptimizer(spec({ devset: [] }), host([], undefined, cache));
    const counter = { runs: 0, retries: 0 };
    const b = await runOptimizer(spec({ devset: [], concurrency: 2 }), host([], counter, cache));
    if (a.status !== 'finished' || b.status !== 'finished') throw new Error('a run did not finish');
    expect(JSON.stringify(b.result.program)).toBe(JSON.stringify(a.result.program));
    expect(counter.runs + counter.retries).toBe(0);
  }, 40_000);
});
