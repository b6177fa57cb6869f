import { describe, expect, it } from 'vitest';
import { FakeLM } from '../../lm/fake-lm';
import type { LMRequest, LMResponse } from '../../lm/types';
import { createInlineCodeRunner } from '../../sandbox/test-support/inline-runner';
import { execute } from '../execute';
import { applyState, namedPredictors, programState } from '../state';
import type { ModuleNode } from '../types';
import { validateGraph } from '../validate';
import { reactInstructions } from './react-signatures';
import { lastUser, oneModuleGraph, simLM } from './test-support/sim-lm';

const capitals = {
  name: 'lookup_capital',
  description: 'Finds the capital city of a country.',
  parameters: { type: 'object' as const, properties: { country: { type: 'string' } }, required: ['country'] },
  code: "const table = { France: 'Paris', Japan: 'Tokyo' }; const key = Object.keys(table).find((k) => country.includes(k)); return key ? table[key] : 'unknown';",
};

function agent(config: Record<string, unknown> = { tools: [capitals] }): ModuleNode {
  return {
    id: 'agent', type: 'ReAct', name: 'agent', config,
    signature: { instructions: 'Answer the question.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] },
  };
}

const services = { code: createInlineCodeRunner() };

describe('ReAct', () => {
  it("names its predictors as DSPy's named_predictors() does: agent.react, agent.extract.predict", () => {
    const graph = oneModuleGraph(agent());
    expect(namedPredictors(graph).map((p) => p.name)).toEqual(['agent.react', 'agent.extract.predict']);
    const state = programState(graph);
    expect(state['agent.react']?.signature.outputs.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'next_thought: str',
      "next_tool_name: Literal['lookup_capital', 'finish']",
      'next_tool_args: dict[str, Any]',
    ]);
    expect(state['agent.react']?.signature.inputs.map((f) => f.name)).toEqual(['question', 'trajectory']);
    expect(state['agent.extract.predict']?.signature.outputs.map((f) => f.name)).toEqual(['reasoning', 'answer']);
    expect(state['agent.extract.predict']?.signature.instructions).toBe('Answer the question.');
  });

  it("writes DSPy's instructions, with the tool lines as Tool.__str__ prints them", () => {
    const text = reactInstructions(agent().signature, [capitals]);
    expect(text.split('\n')).toEqual([
      'Answer the question.',
      '',
      'You are an Agent. In each episode, you will be given the fields `question` as input. And you can see your past trajectory so far.',
      'Your goal is to use one or more of the supplied tools to collect any necessary information for producing `answer`.',
      '',
      'To do this, you will interleave next_thought, next_tool_name, and next_tool_args in each turn, and also when finishing the task.',
      'After each tool call, you receive a resulting observation, which gets appended to your trajectory.',
      '',
      'When writing next_thought, you may reason about the current situation and plan for future steps.',
      'When selecting the next_tool_name and its next_tool_args, the tool must be one of:',
      '',
      "(1) lookup_capital, whose description is <desc>Finds the capital city of a country.</desc>. It takes arguments {'country': {'type': 'string'}}.",
      '(2) finish, whose description is <desc>Marks the task as complete. That is, signals that all information for producing the outputs, i.e. `answer`, are now available to be extracted.</desc>. It takes arguments {}.',
      'When providing `next_tool_args`, the value inside the field must be in JSON format',
    ]);
  });

  it('calls the tool, reads the observation, finishes and extracts the answer on the Demo model', async () => {
    const lm = simLM();
    const graph = oneModuleGraph(agent());
    const prediction = await execute(graph, programState(graph), { question: 'What is the capital of France?' }, { lm, services });
    expect(prediction.error).toBeUndefined();
    expect(prediction.outputs.answer).toBe('Paris');
    expect(prediction.trace.map((s) => s.action?.kind ?? s.predictor)).toEqual(['agent.react', 'tool', 'agent.react', 'tool', 'agent.extract.predict']);
    const call = prediction.trace[1]?.action;
    expect(call).toMatchObject({ kind: 'tool', name: 'lookup_capital', result: 'Paris' });
    expect(prediction.trace[3]?.action).toMatchObject({ kind: 'tool', name: 'finish', result: 'Completed.' });
    // The trajectory is formatted as DSPy's ChatAdapter user blocks.
    expect(lastUser(lm.requests.at(-1) as LMRequest)).toContain('[[ ## trajectory ## ]]\n[[ ## thought_0 ## ]]\nI should call lookup_capital to find out.\n\n[[ ## tool_name_0 ## ]]\nlookup_capital\n\n[[ ## tool_args_0 ## ]]\n{"country": "What is the capital of France?"}\n\n[[ ## observation_0 ## ]]\nParis');
  });

  it('turns a failing tool into an "Execution error in …" observation and goes on', async () => {
    const broken = { ...capitals, code: "throw new Error('database offline')" };
    const graph = oneModuleGraph(agent({ tools: [broken] }));
    const prediction = await execute(graph, programState(graph), { question: 'Capital of Japan?' }, { lm: simLM(), services });
    expect(prediction.error).toBeUndefined();
    const failed = prediction.trace.find((s) => s.action?.kind === 'tool' && s.action.name === 'lookup_capital');
    expect(failed?.action).toMatchObject({ error: expect.stringContaining('database offline') });
    expect(String(failed?.outputs.observation)).toMatch(/^Execution error in lookup_capital: .*database offline/);
    expect(prediction.trace.at(-1)?.predictor).toBe('agent.extract.predict');
  });

  it('stops after max_iters and still extracts', async () => {
    const usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
    const reply = (text: string): LMResponse => ({ texts: [text], model: 'fake', usage, cached: false, latencyMs: 0 });
    const lm = new FakeLM({
      reply: (request) =>
        String(request.messages[0]?.content).includes('next_tool_name')
          ? reply('[[ ## next_thought ## ]]\nAgain.\n\n[[ ## next_tool_name ## ]]\nlookup_capital\n\n[[ ## next_tool_args ## ]]\n{"country": "France"}\n\n[[ ## completed ## ]]')
          : reply('[[ ## reasoning ## ]]\nDone.\n\n[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]'),
    });
    const graph = oneModuleGraph(agent({ tools: [capitals], max_iters: 2 }));
    const prediction = await execute(graph, programState(graph), { question: 'Capital of France?' }, { lm, services });
    expect(prediction.trace.filter((s) => s.predictor === 'agent.react')).toHaveLength(2);
    expect(prediction.trace.filter((s) => s.action?.kind === 'tool')).toHaveLength(2);
    expect(prediction.outputs.answer).toBe('Paris');
  });

  it('fails the example naming what is missing when the run has no code sandbox', async () => {
    const graph = oneModuleGraph(agent());
    const prediction = await execute(graph, programState(graph), { question: 'Capital of France?' }, { lm: simLM() });
    expect(prediction.error).toBe("ReAct 'agent': its tools need a code sandbox, and this run was given none");
  });

  it('reports bad tools by node and setting', () => {
    const graph = oneModuleGraph(agent({ tools: [capitals, capitals, { ...capitals, name: 'finish' }, { ...capitals, name: 'look up' }], max_iters: 0 }));
    const messages = validateGraph(graph).map((p) => p.message);
    expect(messages).toContain("ReAct 'agent': tools.3.name: a tool name must be a Python identifier");
    expect(messages).toContain("ReAct 'agent': max_iters: Too small: expected number to be >=1");
    const dup = validateGraph(oneModuleGraph(agent({ tools: [capitals, capitals, { ...capitals, name: 'finish' }] }))).map((p) => p.message);
    expect(dup).toEqual(["ReAct 'agent': two tools are named 'lookup_capital'", "ReAct 'agent': a tool may not be named 'finish': ReAct adds that one itself"]);
  });

  it("keeps the react predictor's own instructions and demos apart from the node's when applied", () => {
    const graph = oneModuleGraph(agent());
    const state = programState(graph);
    const react = state['agent.react']!;
    state['agent.react'] = { signature: { ...react.signature, instructions: 'Use the tools wisely.' }, demos: [{ question: 'q', trajectory: '', next_thought: 't', next_tool_name: 'finish', next_tool_args: {}, augmented: true }] };
    state['agent.extract.predict'] = { ...state['agent.extract.predict']!, demos: [{ question: 'q', trajectory: '', reasoning: 'r', answer: 'a' }] };
    const applied = applyState(graph, state);
    const node = applied.nodes.find((n) => n.id === 'agent') as ModuleNode;
    expect(node.signature.instructions).toBe('Answer the question.');
    expect(node.demos).toHaveLength(1);
    const again = programState(applied);
    expect(again['agent.react']?.signature.instructions).toBe('Use the tools wisely.');
    expect(again['agent.react']?.demos).toEqual(state['agent.react']?.demos);
    expect(again['agent.extract.predict']?.demos).toEqual(state['agent.extract.predict']?.demos);
  });
});
