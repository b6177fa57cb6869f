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
import type { RunEvent } from './events';
import { proposeInstructions, taskDemos } from './proposer';
import { datasetSummaryCalls, examplesRepr, summarizeDataset } from './proposer-dataset';
import { stripPrefix } from './proposer-signatures';

const rows = generateClassification(40, 8);
const trainset: Example[] = rows.map((r, i) => ({ id: `r${i}`, data: { ...r } }));
const signature = parseSignature("text -> label: Literal['billing', 'shipping', 'technical', 'account']");
const graph = graphFromSignature(signature, { name: 'classify' });
const baseline = programState(graph);

function context() {
  const requests: string[] = [];
  const sim = createSimFetch({ latencyMs: 0 });
  const fetchCounting: typeof fetch = async (input, init) => {
    requests.push(String(init?.body ?? ''));
    return sim(input, init);
  };
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: fetchCounting });
  const lm = createLM({ client, scheduler: { concurrency: 4 } });
  const events: RunEvent[] = [];
  const ctx = createOptimizerContext({
    program: compileProgram(graph), baseline, trainset, valset: trainset, metric: getMetric('exact-match'), fields: ['label'],
    taskLM: lm, promptLM: lm, meter: new UsageMeter(), seed: 1, signal: new AbortController().signal, concurrency: 4,
    emit: (e) => events.push(e), now: () => 0, onActivity: () => {},
  });
  return { ctx, requests, events };
}

/** Demo sets as MIPROv2 gets them: set 0 without demos, the others with bootstrapped (augmented) demos. */
function demoSets(count: number): ProgramState[] {
  const base = baseline['classify']!;
  return Array.from({ length: count }, (_, s) => ({
    classify: { ...base, demos: s === 0 ? [] : rows.slice(s * 4, s * 4 + 4).map((r) => ({ augmented: true, ...r })) },
  }));
}

describe('dataset summary', () => {
  it('prints examples as DSPy prints a list of Examples', () => {
    expect(examplesRepr([{ id: 'a', data: { text: "it's late", label: 'shipping' } }], ['text'])).toBe(
      `[Example({'text': "it's late", 'label': 'shipping'}) (input_keys={'text'})]`,
    );
  });

  it('describes the first batch, adds later batches and summarizes, in the planned number of calls', async () => {
    const { ctx, requests } = context();
    const summary = await summarizeDataset(ctx, trainset);
    expect(requests).toHaveLength(datasetSummaryCalls(40));
    expect(datasetSummaryCalls(40)).toBe(5);
    expect(datasetSummaryCalls(5000)).toBe(11);
    expect(requests[0]).toContain('[[ ## examples ## ]]');
    expect(requests[1]).toContain('[[ ## prior_observations ## ]]');
    expect(requests.at(-1)).toContain('[[ ## observations ## ]]');
    expect(summary).toMatch(/support/i);
    expect(summary).toMatch(/billing/);
  });
});

describe('grounded proposer', () => {
  it('shows up to 3 bootstrapped demos from the set and its neighbours, none for set 0', () => {
    const sets = demoSets(4);
    expect(taskDemos('classify', signature, sets, 0)).toBe('No task demos provided.');
    const text = taskDemos('classify', signature, sets, 3);
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(3);
    expect(text.startsWith(`Text: ${rows[12]?.text}\nLabel: ${rows[12]?.label}`)).toBe(true);
    const unlabeled = [{ classify: { ...baseline['classify']!, demos: [{ ...rows[0] }] } }, { classify: { ...baseline['classify']!, demos: [{ ...rows[1] }] } }];
    expect(taskDemos('classify', signature, unlabeled, 1)).toBe('No task demos provided.');
  });

  it('proposes grounded instructions: the original first, then one per demo set, three calls each', async () => {
    const { ctx, requests } = context();
    const instructions = await proposeInstructions(ctx, {
      state: baseline, demoSets: demoSets(6), count: 3, datasetDescription: 'Customer-support tickets labelled billing, shipping, technical or account.',
      programCode: 'class Program(dspy.Module): ...', temperature: 1, rng: new Rng(4),
    });
    const list = instructions['classify'] ?? [];
    expect(list).toHaveLength(3);
    expect(list[0]).toBe(signature.instructions);
    expect(requests).toHaveLength(3 * 2);
    const proposals = requests.filter((r) => r.includes('[[ ## basic_instruction ## ]]'));
    expect(proposals).toHaveLength(2);
    for (const field of ['dataset_description', 'program_code', 'program_description', 'module', 'module_description', 'task_demos']) {
      expect(proposals[0]).toContain(`[[ ## ${field} ## ]]`);
    }
    // Each proposal is a fresh sample: its own seed (rolloutId) at temperature 1.
    const seeds = new Set(requests.map((r) => (JSON.parse(r) as { seed?: number }).seed));
    expect(seeds.size).toBe(2);
    expect(list.slice(1).some((p) => /billing/.test(p))).toBe(true);
  });

  it('is deterministic for a seed', async () => {
    const run = async (seed: number) =>
      proposeInstructions(context().ctx, { state: baseline, demoSets: demoSets(6), count: 6, datasetDescription: 'x', programCode: 'y', temperature: 1, rng: new Rng(seed) });
    expect(await run(2)).toEqual(await run(2));
  });

  it("strips a leading label and quotes as DSPy's strip_prefix", () => {
    expect(stripPrefix('Proposed Instruction: "Route the ticket."')).toBe('Route the ticket.');
    expect(stripPrefix('Route the ticket.')).toBe('Route the ticket.');
  });
});
