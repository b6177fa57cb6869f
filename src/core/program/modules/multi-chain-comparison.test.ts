import { describe, expect, it } from 'vitest';
import { exportDspyJson, importDspyJson } from '../../formats/dspy-json';
import { execute } from '../execute';
import { namedPredictors, programState } from '../state';
import type { ModuleNode } from '../types';
import { lastUser, oneModuleGraph, simLM, systemOf } from './test-support/sim-lm';

function mcc(M = 3): ModuleNode {
  return {
    id: 'm', type: 'MultiChainComparison', name: 'mcc', config: { M },
    signature: { instructions: 'Add the two numbers.', inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] },
  };
}

describe('MultiChainComparison', () => {
  it("has DSPy's one predictor, mcc.predict, with the attempts as inputs and rationale first", () => {
    const graph = oneModuleGraph(mcc(), [{ name: 'sum', type: 'int' }]);
    expect(namedPredictors(graph).map((p) => p.name)).toEqual(['mcc.predict']);
    const sig = programState(graph)['mcc.predict']!.signature;
    expect(sig.inputs.map((f) => f.name)).toEqual(['a', 'b', 'reasoning_attempt_1', 'reasoning_attempt_2', 'reasoning_attempt_3']);
    expect(sig.outputs.map((f) => f.name)).toEqual(['rationale', 'sum']);
  });

  it("saves DSPy's field prefixes and reads a file that uses them", () => {
    const graph = oneModuleGraph(mcc(2), [{ name: 'sum', type: 'int' }]);
    const text = exportDspyJson(graph, programState(graph));
    const fields = (JSON.parse(text) as Record<string, { signature: { fields: { prefix: string; description: string }[] } }>)['mcc.predict']!.signature.fields;
    expect(fields.map((f) => f.prefix)).toEqual(['A:', 'B:', 'Student Attempt #1:', 'Student Attempt #2:', "Accurate Reasoning: Thank you everyone. Let's now holistically", 'Sum:']);
    expect(fields[2]?.description).toBe('${reasoning attempt}');
    const back = importDspyJson(graph, text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(exportDspyJson(graph, back.state)).toBe(text);
  });

  it('drafts M attempts in one n=M call, then compares them on the Demo model', async () => {
    const lm = simLM();
    const graph = oneModuleGraph(mcc(), [{ name: 'sum', type: 'int' }]);
    const prediction = await execute(graph, programState(graph), { a: 21, b: 34 }, { lm });
    expect(prediction.error).toBeUndefined();
    expect(lm.requests[0]?.n).toBe(3);
    expect(systemOf(lm.requests[0]!)).toContain('`reasoning`');
    expect(prediction.trace.map((s) => s.predictor)).toEqual(['mcc (attempts)', 'mcc.predict']);
    const compare = lastUser(lm.requests[1]!);
    expect(compare).toMatch(/\[\[ ## reasoning_attempt_1 ## \]\]\n«I'm trying to .* I'm not sure but my prediction is -?\d+»/);
    expect(typeof prediction.outputs.sum).toBe('number');
    expect(prediction.trace[1]?.outputs.rationale).toMatch(/attempts predict/);
  });
});
