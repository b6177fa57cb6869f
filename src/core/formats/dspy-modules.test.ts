import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPredictors, programState } from '../program/state';
import type { GraphEdge, ModuleNode, ProgramGraph } from '../program/types';
import { validateGraph } from '../program/validate';
import { exportDspyJson, importDspyJson } from './dspy-json';
import { exportDspyPython } from './dspy-python';

const str = (name: string, type = 'str') => ({ name, type });
const mod = (id: string, type: string, inputs: string[], outputs: { name: string; type: string }[], config: Record<string, unknown> = {}): ModuleNode => ({
  id, type, name: id, config, signature: { instructions: `Do the ${id} step.`, inputs: inputs.map((n) => str(n)), outputs },
});
const edge = (source: string, sourceField: string, target: string, targetField: string): GraphEdge => ({ id: `${source}.${sourceField}->${target}.${targetField}`, source, sourceField, target, targetField });

/** Every new module type in one program: search → clean → agent → best → refine → mcc. */
function everything(): ProgramGraph {
  const tool = { name: 'lookup', description: 'Looks a word up.\nReturns a definition.', parameters: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] }, code: 'return `a definition of ${word}`;' };
  return {
    nodes: [
      { id: 'in', type: 'Input', fields: [str('question')] },
      mod('search', 'Retrieve', ['query'], [str('passages', 'list[str]')], { corpusId: 'wiki', k: 4 }),
      mod('clean', 'Code', ['passages'], [str('context')], { code: "return { context: passages.join('\\n') };" }),
      mod('agent', 'ReAct', ['context', 'question'], [str('answer')], { tools: [tool], max_iters: 5 }),
      mod('best', 'BestOfN', ['answer'], [str('short')], { module: 'Predict', N: 4, threshold: 0.5, reward: { kind: 'code', code: 'return pred.short.length < 20 ? 1 : 0;' } }),
      mod('refine', 'Refine', ['short', 'question'], [str('polished')], { N: 2, threshold: 1, fail_count: 1, reward: { kind: 'metric', metricId: 'contains', field: 'polished', reference: 'short' } }),
      mod('mcc', 'MultiChainComparison', ['polished'], [str('final')], { M: 2 }),
      { id: 'out', type: 'Output', fields: [str('final')] },
    ],
    edges: [
      edge('in', 'question', 'search', 'query'),
      edge('search', 'passages', 'clean', 'passages'),
      edge('clean', 'context', 'agent', 'context'),
      edge('in', 'question', 'agent', 'question'),
      edge('agent', 'answer', 'best', 'answer'),
      edge('best', 'short', 'refine', 'short'),
      edge('in', 'question', 'refine', 'question'),
      edge('refine', 'polished', 'mcc', 'polished'),
      edge('mcc', 'final', 'out', 'final'),
    ],
  };
}

function pyCompile(source: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'dspy-modules-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, source);
  execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
}

describe('DSPy export of the new module types', () => {
  it('is a valid program whose predictors carry DSPy names in data-flow order', () => {
    expect(validateGraph(everything())).toEqual([]);
    expect(namedPredictors(everything()).map((p) => p.name)).toEqual(['agent.react', 'agent.extract.predict', 'best.module', 'refine.module.predict', 'mcc.predict']);
  });

  it('exports, imports and exports again byte for byte', () => {
    const graph = everything();
    const text = exportDspyJson(graph, programState(graph));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['search', 'agent.react', 'agent.extract.predict', 'best.module', 'refine.module.predict', 'mcc.predict', 'metadata']);
    const back = importDspyJson(graph, text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.warnings).toEqual([]);
    expect(exportDspyJson(graph, back.state)).toBe(text);
  });

  it('writes Python that compiles, with honest stubs for what must be ported', () => {
    const source = exportDspyPython(everything());
    expect(source).toContain('        self.search = dspy.Retrieve(k=4)');
    expect(source).toContain("# 'search' is a dspy.Retrieve: configure a retrieval model first");
    expect(source).toContain("        self.agent = dspy.ReAct(AgentSignature, tools=[dspy.Tool(agent_lookup, name='lookup', desc='Looks a word up.\\nReturns a definition.', args={'word': {'type': 'string'}})], max_iters=5)");
    expect(source).toContain('def agent_lookup(word):');
    expect(source).toContain('self.best = dspy.BestOfN(module=dspy.Predict(BestSignature), N=4, reward_fn=best_reward, threshold=0.5, fail_count=None)');
    expect(source).toContain('self.refine = dspy.Refine(module=dspy.ChainOfThought(RefineSignature), N=2, reward_fn=refine_reward, threshold=1, fail_count=1)');
    expect(source).toContain('self.mcc = dspy.MultiChainComparison(MccSignature, M=2)');
    expect(source).toContain('        mcc = self.mcc(completions=dspy.ChainOfThought(MccSignature)(polished=refine.polished, config=dict(n=2)).completions, polished=refine.polished)');
    expect(source).toContain('        search = self.search(question)');
    expect(source).toContain('        clean = self.clean(passages=search.passages)');
    expect(source).toContain('    def clean(self, passages):');
    expect(source).not.toContain('class CleanSignature');
    expect(source).not.toContain('class SearchSignature');
    expect(source.match(/raise NotImplementedError/g)).toHaveLength(4);
    expect(() => pyCompile(source)).not.toThrow();
  });
});
