import { describe, expect, it } from 'vitest';
import { createSimFetch, generateClassification } from '../../sim';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { createOpenAIClient } from '../lm/openai-client';
import type { ProgramGraph } from '../program/types';
import { parseSignature } from '../signature';
import type { RunEvent, TrialRecord } from './events';
import { runOptimizer } from './runner';

/** Two predictors: a Predict that names the topic, then a ChainOfThought (`classify.predict`) that labels. */
const topic = parseSignature('text -> topic');
const classify = parseSignature("text, topic -> label: Literal['billing', 'shipping', 'technical', 'account']");
const graph: ProgramGraph = {
  nodes: [
    { id: 'input', type: 'Input', fields: [{ name: 'text', type: 'str' }] },
    { id: 'm1', type: 'Predict', name: 'topic', signature: topic, demos: [], config: {} },
    { id: 'm2', type: 'ChainOfThought', name: 'classify', signature: classify, demos: [], config: {} },
    { id: 'output', type: 'Output', fields: [{ name: 'label', type: classify.outputs[0]?.type ?? 'str' }] },
  ],
  edges: [
    { id: 'e1', source: 'input', sourceField: 'text', target: 'm1', targetField: 'text' },
    { id: 'e2', source: 'input', sourceField: 'text', target: 'm2', targetField: 'text' },
    { id: 'e3', source: 'm1', sourceField: 'topic', target: 'm2', targetField: 'topic' },
    { id: 'e4', source: 'm2', sourceField: 'label', target: 'output', targetField: 'label' },
  ],
};
const examples: Example[] = generateClassification(30, 3).map((r, i) => ({ id: `p${i}`, data: { ...r } }));

async function run(optimizer: string, config: Record<string, unknown>) {
  const events: RunEvent[] = [];
  const taskClient = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  const outcome = await runOptimizer({ optimizer, config, graph, trainset: examples, metric: getMetric('exact-match'), seed: 1 }, { taskClient, emit: (e) => events.push(e) });
  if (outcome.status !== 'finished') throw new Error(`run ${outcome.status}`);
  return { result: outcome.result, trials: events.flatMap((e): TrialRecord[] => (e.type === 'trial' ? [e.trial] : [])) };
}

describe('MIPROv2 and COPRO on a two-predictor pipeline', { timeout: 60_000 }, () => {
  it('MIPROv2 searches each predictor’s instruction and demo set', async () => {
    const { result, trials } = await run('miprov2', { auto: null, num_candidates: 3, num_trials: 6 });
    expect(Object.keys(result.program)).toEqual(['topic', 'classify.predict']);
    expect(trials).toHaveLength(7);
    expect(trials.slice(1).every((t) => /^topic: instr \d × demos \d, classify\.predict: instr \d × demos \d$/.test(t.label))).toBe(true);
    // The result is the best full evaluation, never worse than the default program.
    expect(result.score).toBe(Math.max(...trials.map((t) => t.score)));
  });

  it('COPRO re-scores every candidate of each predictor each round, as DSPy does with several predictors', async () => {
    const { result, trials } = await run('copro', { breadth: 3, depth: 2 });
    expect(trials.some((t) => t.label.includes('predictor 2 (classify.predict)'))).toBe(true);
    // Round 2 lists 6 candidates per predictor (3 first-round + 3 new); identical programs are scored once.
    expect(trials.some((t) => /^depth 2 · predictor \d \(.+\) · candidate \d\/6$/.test(t.label))).toBe(true);
    expect(trials.length).toBeLessThanOrEqual(2 * 3 * 3);
    expect(result.score).toBe(Math.max(...trials.map((t) => t.score)));
  });
});
