import { describe, expect, it } from 'vitest';
import { FakeLM } from '../../lm/fake-lm';
import type { LMRequest, LMResponse } from '../../lm/types';
import { createInlineCodeRunner } from '../../sandbox/test-support/inline-runner';
import { execute } from '../execute';
import { namedPredictors, programState } from '../state';
import type { ModuleNode } from '../types';
import { validateGraph } from '../validate';
import { lastUser, oneModuleGraph, systemOf } from './test-support/sim-lm';

const usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
const reply = (text: string): LMResponse => ({ texts: [text], model: 'fake', usage, cached: false, latencyMs: 0 });
const CITIES = ['Lyon', 'Paris', 'Nice', 'Lille'];

/** Answers a different city per rollout id; the advice request gets advice for `predict`. */
function cityLM(broken = false) {
  return new FakeLM({
    reply: (request: LMRequest) => {
      if (systemOf(request).includes('`advice`')) {
        return reply('[[ ## discussion ## ]]\nIt named the wrong city.\n\n[[ ## advice ## ]]\n{"predict": "Name the capital, Paris."}\n\n[[ ## completed ## ]]');
      }
      if (broken) return reply('no fields here');
      const city = lastUser(request).includes('Name the capital') ? 'Paris' : (CITIES[request.rolloutId ?? 0] ?? 'Lyon');
      return reply(`[[ ## reasoning ## ]]\nThinking.\n\n[[ ## answer ## ]]\n${city}\n\n[[ ## completed ## ]]`);
    },
  });
}

function node(type: 'BestOfN' | 'Refine', config: Record<string, unknown>): ModuleNode {
  return {
    id: 'b', type, name: 'best',
    config: { N: 3, threshold: 1, reward: { kind: 'code', code: "return pred.answer === 'Paris' ? 1 : 0;" }, ...config },
    signature: { instructions: 'Name the capital.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] },
  };
}

const services = { code: createInlineCodeRunner() };
const run = (n: ModuleNode, lm: FakeLM, rolloutId?: number) => {
  const graph = oneModuleGraph(n, [{ name: 'answer', type: 'str' }]);
  return execute(graph, programState(graph), { question: 'Capital of France?' }, { lm, services, rolloutId });
};

describe('BestOfN', () => {
  it("names the inner predictor as DSPy does: best.module.predict for a ChainOfThought, best.module for a Predict", () => {
    expect(namedPredictors(oneModuleGraph(node('BestOfN', {}))).map((p) => p.name)).toEqual(['best.module.predict']);
    expect(namedPredictors(oneModuleGraph(node('BestOfN', { module: 'Predict' }))).map((p) => p.name)).toEqual(['best.module']);
  });

  it('runs fresh rollouts at temperature 1 and stops at the first reward at the threshold', async () => {
    const lm = cityLM();
    const prediction = await run(node('BestOfN', {}), lm);
    expect(prediction.outputs.answer).toBe('Paris');
    expect(lm.requests.map((r) => [r.rolloutId, r.temperature])).toEqual([[0, 1], [1, 1]]);
    // Only the chosen attempt keeps the predictor's name, so bootstrapping learns from it alone.
    expect(prediction.trace.map((s) => s.predictor)).toEqual(['best.module.predict (attempt 1, not chosen)', 'best.module.predict']);
  });

  it('starts from the run\'s rollout id and keeps the best attempt when none reaches the threshold', async () => {
    const lm = cityLM();
    const longest = { kind: 'code', code: 'return pred.answer.length;' };
    const prediction = await run(node('BestOfN', { reward: longest, threshold: 99 }), lm, 1);
    expect(lm.requests.map((r) => r.rolloutId)).toEqual([1, 2, 3]);
    expect(prediction.outputs.answer).toBe('Paris');
  });

  it('scores with a metric against one of its own inputs, not a label', async () => {
    const guess: ModuleNode = { ...node('BestOfN', { reward: { kind: 'metric', metricId: 'exact-match', field: 'answer', reference: 'hint' } }) };
    guess.signature = { ...guess.signature, inputs: [...guess.signature.inputs, { name: 'hint', type: 'str' }] };
    const graph = oneModuleGraph(guess, [{ name: 'answer', type: 'str' }]);
    const lm = cityLM();
    const prediction = await execute(graph, programState(graph), { question: 'Capital of France?', hint: 'Nice' }, { lm, services });
    expect(prediction.outputs.answer).toBe('Nice');
    expect(lm.requests).toHaveLength(3);
    const bad = validateGraph(oneModuleGraph(node('BestOfN', { reward: { kind: 'metric', metricId: 'llm-judge', field: 'answr', reference: 'gold' } }))).map((p) => p.message);
    expect(bad).toEqual([
      "BestOfN 'best': reward: metric 'llm-judge' needs an LM judge, which a reward cannot use",
      "BestOfN 'best': reward: 'answr' is not an output field",
      "BestOfN 'best': reward: 'gold' is not an input field (a reward compares with the module's inputs, not with labels)",
    ]);
  });

  it("fails the example when attempts keep failing past DSPy's fail_count", async () => {
    const prediction = await run(node('BestOfN', {}), cityLM(true));
    expect(prediction.error).toMatch(/^best\.module\.predict: .*could not parse/);
    const lenient = await run(node('BestOfN', { N: 1 }), cityLM(true));
    expect(lenient.error).toMatch(/^BestOfN 'best': no attempt succeeded: best\.module\.predict/);
  });

  it('stops at once when the run is cancelled: a cancel is never a failed attempt', async () => {
    const controller = new AbortController();
    const lm = new FakeLM({ latencyMs: 50 });
    const graph = oneModuleGraph(node('BestOfN', {}), [{ name: 'answer', type: 'str' }]);
    const running = execute(graph, programState(graph), { question: 'Capital of France?' }, { lm, services, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(running).rejects.toThrow();
    expect(lm.calls).toBe(1);
  });

  it('counts a reward that throws as a failed attempt, naming the reward', async () => {
    const prediction = await run(node('BestOfN', { N: 1, reward: { kind: 'code', code: "throw new Error('bad reward')" } }), cityLM());
    expect(prediction.error).toMatch(/reward of 'best'.*bad reward/);
  });
});

describe('Refine', () => {
  it('asks for advice after an attempt below the threshold and passes it as the hint_ input', async () => {
    const lm = cityLM();
    const prediction = await run(node('Refine', {}), lm);
    expect(prediction.outputs.answer).toBe('Paris');
    expect(prediction.trace.map((s) => s.predictor)).toEqual(['best.module.predict (attempt 1, not chosen)', 'best (feedback)', 'best.module.predict']);
    const feedback = lm.requests[1]!;
    expect(systemOf(feedback)).toContain('In the discussion, assign blame to each module');
    expect(lastUser(feedback)).toContain('[[ ## module_names ## ]]\n[\n  "predict"\n]');
    expect(lastUser(feedback)).toContain('[[ ## reward_value ## ]]\n0');
    const second = lm.requests[2]!;
    expect(systemOf(second)).toContain('`hint_` (str): A hint to the module from an earlier run');
    expect(lastUser(second)).toContain('[[ ## hint_ ## ]]\nName the capital, Paris.');
    expect(second.rolloutId).toBe(1);
  });

  it('works on the Demo model end to end', async () => {
    const { simLM } = await import('./test-support/sim-lm');
    const graph = oneModuleGraph(node('Refine', { N: 2, threshold: 2, reward: { kind: 'code', code: 'return 0;' } }), [{ name: 'answer', type: 'str' }]);
    const lm = simLM();
    const prediction = await execute(graph, programState(graph), { question: 'Capital of France?' }, { lm, services });
    expect(prediction.error).toBeUndefined();
    expect(lm.requests).toHaveLength(3);
    expect(lastUser(lm.requests[2]!)).toMatch(/\[\[ ## hint_ ## \]\]\n\S/);
  });
});
