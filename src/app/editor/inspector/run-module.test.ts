import { describe, expect, it } from 'vitest';
import { FakeLM } from '../../../core/lm/fake-lm';
import type { ModuleNode } from '../../../core/program/types';
import { parseSignature } from '../../../core/signature';
import { parseInputs, runModuleAlone } from './run-module';

const node: ModuleNode = { id: 'x', type: 'ChainOfThought', name: 'solve', signature: parseSignature('a: int, b: int -> sum: int'), config: { temperature: 0.2 } };

describe('run a module alone', () => {
  it('reads typed-in text by field type and names the field that does not fit', () => {
    expect(parseInputs(node.signature.inputs, { a: '2', b: '40' })).toEqual({ ok: true, values: { a: 2, b: 40 } });
    const bad = parseInputs(node.signature.inputs, { a: 'two', b: '1' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain("'a'");
  });

  it('sends the module its DSPy prompt and returns the trace with messages and raw reply', async () => {
    const lm = new FakeLM({ reply: (request) => ({ texts: ['[[ ## reasoning ## ]]\n2 + 40\n\n[[ ## sum ## ]]\n42\n\n[[ ## completed ## ]]'], model: request.model ?? 'fake', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, cached: false, latencyMs: 1 }) });
    const prediction = await runModuleAlone(node, { a: 2, b: 40 }, lm);
    expect(prediction.error).toBeUndefined();
    expect(prediction.outputs).toEqual({ sum: 42 });
    const call = prediction.trace[0]?.calls[0];
    expect(call?.messages.at(-1)?.content).toContain('[[ ## a ## ]]\n2');
    expect(call?.raw).toContain('[[ ## sum ## ]]');
    expect(lm.requests[0]?.temperature).toBe(0.2);
  });
});
