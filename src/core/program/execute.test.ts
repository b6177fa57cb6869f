import { describe, expect, it } from 'vitest';
import { FakeLM } from '../lm/fake-lm';
import type { LMRequest, LMResponse } from '../lm/types';
import { graphFromSignature } from './build';
import { compileProgram, execute } from './execute';
import { applyState, namedPredictors, programState } from './state';
import type { ModuleNode, ProgramGraph } from './types';

const usage = { promptTokens: 10, completionTokens: 5, totalTokens: 15 };
const reply = (text: string): LMResponse => ({ texts: [text], model: 'fake', usage, cached: false, latencyMs: 1 });

/** Answers like a model that follows DSPy's chat format: reads the inputs, writes the outputs. */
function answer(request: LMRequest): LMResponse {
  const system = request.messages[0]?.content ?? '';
  const user = request.messages.at(-1)?.content ?? '';
  const value = (name: string) => new RegExp(`\\[\\[ ## ${name} ## \\]\\]\\n([^\\n]*)`).exec(user)?.[1] ?? '';
  if (system.includes('`sum`')) {
    return reply(`[[ ## sum ## ]]\n${Number(value('a')) + Number(value('b'))}\n\n[[ ## completed ## ]]`);
  }
  if (system.includes('`reasoning`')) {
    return reply(`[[ ## reasoning ## ]]\nThe capital is well known.\n\n[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]`);
  }
  return reply(`[[ ## final ## ]]\n${value('answer').toUpperCase()}!\n\n[[ ## completed ## ]]`);
}

function pipeline(): ProgramGraph {
  const sig = (i: string, o: string) => ({ instructions: 'Do it.', inputs: [{ name: i, type: 'str' }], outputs: [{ name: o, type: 'str' }] });
  return {
    nodes: [
      { id: 'out', type: 'Output', fields: [{ name: 'final', type: 'str' }] },
      { id: 'b', type: 'Predict', name: 'polish', signature: sig('answer', 'final'), config: {} },
      { id: 'in', type: 'Input', fields: [{ name: 'question', type: 'str' }] },
      { id: 'a', type: 'ChainOfThought', name: 'draft', signature: sig('question', 'answer'), config: { temperature: 0.3 } },
    ],
    edges: [
      { id: 'e1', source: 'in', sourceField: 'question', target: 'a', targetField: 'question' },
      { id: 'e2', source: 'a', sourceField: 'answer', target: 'b', targetField: 'answer' },
      { id: 'e3', source: 'b', sourceField: 'final', target: 'out', targetField: 'final' },
    ],
  };
}

describe('named predictors', () => {
  it("follows DSPy's naming and the program's data-flow order", () => {
    const names = namedPredictors(pipeline()).map((p) => p.name);
    expect(names).toEqual(['draft.predict', 'polish']);
    const state = programState(pipeline());
    expect(state['draft.predict']?.signature.outputs.map((f) => f.name)).toEqual(['reasoning', 'answer']);
    expect(state.polish?.signature.outputs.map((f) => f.name)).toEqual(['final']);
  });

  it('writes optimized instructions and demos back into the nodes without touching the input', () => {
    const graph = pipeline();
    const state = programState(graph);
    state['draft.predict'] = { signature: { ...state['draft.predict']!.signature, instructions: 'Think, then answer.' }, demos: [{ question: 'q', reasoning: 'r', answer: 'a', augmented: true }] };
    const applied = applyState(graph, state);
    const draft = applied.nodes.find((n) => n.id === 'a') as ModuleNode;
    expect(draft.signature.instructions).toBe('Think, then answer.');
    expect(draft.signature.outputs.map((f) => f.name)).toEqual(['answer']);
    expect(draft.demos).toHaveLength(1);
    expect((graph.nodes.find((n) => n.id === 'a') as ModuleNode).signature.instructions).toBe('Do it.');
    state.polish = { ...state.polish!, model: 'ft:sim-1:x' };
    expect((applyState(graph, state).nodes.find((n) => n.id === 'b') as ModuleNode).config.model).toBe('ft:sim-1:x');
  });
});

describe('execute', () => {
  it('runs a one-module program and returns typed outputs with the full trace', async () => {
    const graph = graphFromSignature({ instructions: 'Add.', inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] }, { name: 'add' });
    const lm = new FakeLM({ reply: answer });
    const prediction = await execute(graph, programState(graph), { a: 2, b: 40 }, { lm });
    expect(prediction.error).toBeUndefined();
    expect(prediction.outputs).toEqual({ sum: 42 });
    expect(prediction.trace).toHaveLength(1);
    const step = prediction.trace[0]!;
    expect(step.predictor).toBe('add');
    expect(step.inputs).toEqual({ a: 2, b: 40 });
    expect(step.calls[0]?.messages[0]?.role).toBe('system');
    expect(step.calls[0]?.raw).toContain('[[ ## sum ## ]]');
    expect(prediction.usage).toEqual(usage);
  });

  it('runs modules in data-flow order, feeding outputs to inputs, with per-node config', async () => {
    const lm = new FakeLM({ reply: answer });
    const prediction = await execute(pipeline(), programState(pipeline()), { question: 'Capital of France?' }, { lm });
    expect(prediction.outputs).toEqual({ final: 'PARIS!' });
    expect(prediction.trace.map((s) => s.predictor)).toEqual(['draft.predict', 'polish']);
    expect(prediction.trace[0]?.outputs).toEqual({ reasoning: 'The capital is well known.', answer: 'Paris' });
    expect(lm.requests[0]?.temperature).toBe(0.3);
    expect(prediction.usage.totalTokens).toBe(30);
  });

  it('turns an unusable reply into a scored failure that keeps the raw reply', async () => {
    const lm = new FakeLM({ reply: () => reply('I would rather not.') });
    const prediction = await execute(pipeline(), programState(pipeline()), { question: 'q' }, { lm });
    expect(prediction.error).toMatch(/draft\.predict/);
    expect(prediction.outputs).toEqual({});
    expect(prediction.trace[0]?.calls.some((c) => c.raw === 'I would rather not.')).toBe(true);
  });

  it('fails an example that lacks an input, naming it', async () => {
    const program = compileProgram(pipeline());
    const prediction = await program.run(programState(pipeline()), {}, { lm: new FakeLM({ reply: answer }) });
    expect(prediction.error).toBe("the example has no value for input 'question'");
  });

  it('propagates an abort instead of scoring it', async () => {
    const controller = new AbortController();
    const lm = new FakeLM({ reply: answer, latencyMs: 5_000 });
    const run = execute(pipeline(), programState(pipeline()), { question: 'q' }, { lm, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to compile an invalid graph, listing the problems', () => {
    const graph = pipeline();
    graph.edges.pop();
    expect(() => compileProgram(graph)).toThrow("the Output node: input 'final' is not connected");
  });
});
