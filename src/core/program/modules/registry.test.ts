import { describe, expect, it } from 'vitest';
import type { ModuleNode } from '../types';
import { validateGraph } from '../validate';
import { getModuleType, listModuleTypes } from './registry';
import { oneModuleGraph } from './test-support/sim-lm';

describe('module registry', () => {
  it('offers every module type of issue #6 once, under its DSPy class', () => {
    expect(listModuleTypes().map((t) => `${t.id}:${t.dspyClass}`)).toEqual([
      'Predict:dspy.Predict',
      'ChainOfThought:dspy.ChainOfThought',
      'Retrieve:dspy.Retrieve',
      'ReAct:dspy.ReAct',
      'MultiChainComparison:dspy.MultiChainComparison',
      'BestOfN:dspy.BestOfN',
      'Refine:dspy.Refine',
      'Code:Code',
    ]);
  });

  it("gives new nodes a template that validates (a Retrieve still asks for its corpus)", () => {
    for (const type of listModuleTypes()) {
      const template = type.template?.();
      if (!template) continue;
      const node: ModuleNode = { id: 'n', type: type.id, name: 'step', ...template };
      const problems = validateGraph(oneModuleGraph(node)).map((p) => p.message);
      expect(problems, type.id).toEqual(type.id === 'Retrieve' ? ["Retrieve 'step': corpusId is not set: choose a corpus"] : []);
    }
    expect(getModuleType('Retrieve')?.template?.().config).toEqual({ corpusId: '', k: 3 });
  });
});
