import { describe, expect, it } from 'vitest';
import { generateArithmetic } from '../../../sim';
import type { Example } from '../../data/types';
import { getMetric } from '../../evaluate/metrics/registry';
import type { RunEvent } from '../../optimize/events';
import { runOptimizer, type RunSpec } from '../../optimize/runner';
import { simHost } from '../../optimize/test-support/sim-host';
import { createInlineCodeRunner } from '../../sandbox/test-support/inline-runner';
import { applyState, programState } from '../state';
import type { ModuleNode } from '../types';
import { oneModuleGraph } from './test-support/sim-lm';

const CAPITALS: Record<string, string> = { France: 'Paris', Japan: 'Tokyo', Italy: 'Rome', Spain: 'Madrid', Egypt: 'Cairo', Peru: 'Lima', Kenya: 'Nairobi', Chile: 'Santiago' };
const lookup = {
  name: 'lookup_capital',
  description: 'Finds the capital city of a country.',
  parameters: { type: 'object' as const, properties: { country: { type: 'string' } }, required: ['country'] },
  code: `const table = ${JSON.stringify(CAPITALS)}; const key = Object.keys(table).find((k) => country.includes(k)); return key ? table[key] : 'unknown';`,
};
const agent: ModuleNode = {
  id: 'agent', type: 'ReAct', name: 'agent', config: { tools: [lookup], max_iters: 3 },
  signature: { instructions: 'Answer the question.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] },
};
const graph = oneModuleGraph(agent);
const examples: Example[] = Object.entries(CAPITALS).map(([country, city], i) => ({ id: `ex-${i}`, data: { question: `What is the capital of ${country}?`, answer: city } }));

function spec(optimizer: string, config: Record<string, unknown>): RunSpec {
  return { optimizer, config, graph, trainset: examples.slice(0, 5), valset: examples.slice(0, 5), devset: examples.slice(5), metric: getMetric('exact-match'), seed: 3, concurrency: 4 };
}

describe('optimizing a graph with a ReAct agent', () => {
  it('BootstrapFewShot gives both of its predictors demos from successful trajectories, and they apply to the graph', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec('bootstrap-fewshot', { max_bootstrapped_demos: 2, max_labeled_demos: 0 }), { ...simHost(events), services: { code: createInlineCodeRunner() } });
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    const react = outcome.result.program['agent.react']?.demos ?? [];
    const extract = outcome.result.program['agent.extract.predict']?.demos ?? [];
    expect(react.length).toBe(2);
    expect(extract.length).toBe(2);
    expect(react.every((d) => d.augmented && typeof d.trajectory === 'string' && 'next_tool_name' in d)).toBe(true);
    expect(extract.every((d) => d.augmented && typeof d.answer === 'string' && typeof d.reasoning === 'string')).toBe(true);
    expect(outcome.result.finalDevScore).toBe(1);
    const applied = programState(applyState(graph, outcome.result.program));
    expect(applied['agent.react']?.demos).toEqual(react);
    expect(applied['agent.extract.predict']?.demos).toEqual(extract);
  });

  it('LabeledFewShot fills the predictors whose fields the examples have', async () => {
    const outcome = await runOptimizer(spec('labeled-fewshot', { k: 3 }), { ...simHost([]), services: { code: createInlineCodeRunner() } });
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    expect(outcome.result.program['agent.react']?.demos).toHaveLength(3);
    expect(outcome.result.program['agent.extract.predict']?.demos).toHaveLength(3);
  });
});

describe('optimizing a graph with a BestOfN node', () => {
  it('BootstrapFewShot learns demos for best.module.predict from the chosen attempts only', async () => {
    const best: ModuleNode = {
      id: 'best', type: 'BestOfN', name: 'best',
      config: { module: 'ChainOfThought', N: 2, threshold: 1, reward: { kind: 'code', code: 'return Number.isInteger(pred.sum) ? 1 : 0;' } },
      signature: { instructions: 'Add the two numbers.', inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] },
    };
    const sums = generateArithmetic(12, 5).map((r, i): Example => ({ id: `sum-${i}`, data: { ...r } }));
    const outcome = await runOptimizer(
      { ...spec('bootstrap-fewshot', { max_bootstrapped_demos: 3, max_labeled_demos: 0 }), graph: oneModuleGraph(best, [{ name: 'sum', type: 'int' }]), trainset: sums.slice(0, 8), valset: sums.slice(0, 4), devset: sums.slice(8) },
      { ...simHost([]), services: { code: createInlineCodeRunner() } },
    );
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    const demos = outcome.result.program['best.module.predict']?.demos ?? [];
    expect(demos.length).toBeGreaterThan(0);
    expect(demos.every((d) => d.augmented && 'reasoning' in d && typeof d.sum === 'number')).toBe(true);
    expect(Object.keys(outcome.result.program)).toEqual(['best.module.predict']);
  });
});
