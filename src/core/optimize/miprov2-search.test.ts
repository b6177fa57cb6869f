import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { createOpenAIClient } from '../lm/openai-client';
import { createLM } from '../lm/stack';
import { UsageMeter } from '../lm/usage';
import { graphFromSignature } from '../program/build';
import { compileProgram } from '../program/execute';
import { programState } from '../program/state';
import type { ProgramState } from '../program/types';
import { Rng } from '../random';
import { parseSignature } from '../signature';
import { createOptimizerContext } from './context';
import type { RunEvent, TrialRecord } from './events';
import { scoreQuietly, searchPrograms, type SearchInput } from './miprov2-search';

const rows = generateClassification(120, 13);
const examples: Example[] = rows.map((r, i) => ({ id: `e${i}`, data: { ...r } }));
const valset = examples.slice(0, 70);
const graph = graphFromSignature(parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']"), { name: 'classify' });
const baseline = programState(graph);
const base = baseline['classify']!;

function context() {
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  const lm = createLM({ client, scheduler: { concurrency: 8 } });
  const events: RunEvent[] = [];
  const ctx = createOptimizerContext({
    program: compileProgram(graph), baseline, trainset: examples.slice(70), valset, metric: getMetric('exact-match'), fields: ['label'],
    taskLM: lm, promptLM: lm, meter: new UsageMeter(), seed: 1, signal: new AbortController().signal, concurrency: 8,
    emit: (e) => events.push(e), now: () => 0, onActivity: () => {},
  });
  return { ctx, events };
}

const GOOD =
  'Route each support ticket to exactly one queue. Answer with exactly one label: billing, shipping, technical or account (lowercase, nothing else). ' +
  'If the customer says one topic is fine or already resolved, ignore it and classify by the problem that remains.';

function input(overrides: Partial<SearchInput> = {}): SearchInput {
  const demoSets: ProgramState[] = [0, 1, 2].map((s) => ({ classify: { ...base, demos: examples.slice(80 + s * 4, 84 + s * 4).map((e) => ({ augmented: true, ...e.data })) } }));
  return {
    baseline,
    instructions: { classify: [base.signature.instructions, 'Classify the ticket.', GOOD] },
    demoSets,
    valset,
    numTrials: 12,
    minibatch: true,
    minibatchSize: 35,
    fullEvalSteps: 5,
    seed: 9,
    rng: new Rng(2),
    ...overrides,
  };
}

const trialsOf = (events: RunEvent[]): TrialRecord[] => events.flatMap((e) => (e.type === 'trial' ? [e.trial] : []));

describe('MIPROv2 search', { timeout: 60_000 }, () => {
  it('scores the default fully, then minibatch trials with a full evaluation every 5 and at the end', async () => {
    const { ctx, events } = context();
    const result = await searchPrograms(ctx, input());
    const trials = trialsOf(events);
    expect(trials[0]).toMatchObject({ label: 'default program', subset: 'full' });
    expect(trials.map((t) => t.subset).join(' ')).toBe(
      ['full', ...Array(5).fill('minibatch'), 'full', ...Array(5).fill('minibatch'), 'full', 'minibatch', 'minibatch', 'full'].join(' '),
    );
    expect(trials.filter((t) => t.subset === 'minibatch').every((t) => t.examples.length === 35 && /^instr \d × demos \d$/.test(t.label))).toBe(true);
    expect(trials.filter((t) => t.subset === 'full').every((t) => t.examples.length === valset.length)).toBe(true);
    expect(result.fullEvaluations).toBe(4);
    // Only full evaluations can make the best: the result is the best full score.
    const fullScores = trials.filter((t) => t.subset === 'full').map((t) => t.score);
    expect(result.score).toBe(Math.max(...fullScores));
    expect(result.score).toBeGreaterThan(trials[0]!.score);
    expect(result.program['classify']?.signature.instructions).toBe(GOOD);
  });

  it('searches instructions alone without demo sets, and fully scores every trial without minibatches', async () => {
    const { ctx, events } = context();
    const result = await searchPrograms(ctx, input({ demoSets: undefined, minibatch: false, numTrials: 4 }));
    const trials = trialsOf(events);
    expect(trials).toHaveLength(5);
    expect(trials.every((t) => t.subset === 'full')).toBe(true);
    expect(trials.slice(1).every((t) => /^instr \d$/.test(t.label) && t.candidate['classify']?.demos.length === 0)).toBe(true);
    expect(result.fullEvaluations).toBe(5);
  });

  it('is deterministic for a seed', async () => {
    const labels = async () => {
      const { ctx, events } = context();
      const result = await searchPrograms(ctx, input());
      return { labels: trialsOf(events).map((t) => t.label), program: JSON.stringify(result.program) };
    };
    expect(await labels()).toEqual(await labels());
  });

  it('starts the first batch while the default program is still being scored, with the same trials as waiting for it', async () => {
    const summary = (events: RunEvent[], result: { program: ProgramState; score: number }) => ({
      trials: trialsOf(events).map((t) => [t.label, t.subset, t.score, t.examples.map((e) => `${e.exampleId}:${e.score}`).join(',')]),
      program: JSON.stringify(result.program),
    });
    const waited = context();
    const serial = summary(waited.events, await searchPrograms(waited.ctx, input()));

    const early = context();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const defaultEvaluation = held.then(() => scoreQuietly(early.ctx, baseline, valset));
    const evaluated: string[] = [];
    const evaluate = early.ctx.evaluate;
    early.ctx.evaluate = (program, list, options) => {
      evaluated.push(`${options.label} ${list.length}`);
      return evaluate(program, list, options);
    };
    const search = searchPrograms(early.ctx, input({ defaultEvaluation }));
    await new Promise((r) => setTimeout(r, 0));
    // The TPE's first five suggestions are random draws: they are being scored already.
    expect(evaluated).toEqual(Array(5).fill('score 35'));
    release();
    expect(summary(early.events, await search)).toEqual(serial);
  });
});
