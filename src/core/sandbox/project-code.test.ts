import { describe, expect, it } from 'vitest';
import type { ProgramGraph } from '../program/types';
import { CODE_DISABLED_MESSAGE, disabledCodeRunner, listProjectCode } from './project-code';

const signature = { instructions: '', inputs: [{ name: 'q', type: 'str' }], outputs: [{ name: 'a', type: 'str' }] };
const graph: ProgramGraph = {
  nodes: [
    { id: 'in', type: 'Input', fields: [{ name: 'q', type: 'str' }] },
    { id: 'p', type: 'Predict', name: 'plain', signature, config: {} },
    { id: 'c', type: 'Code', name: 'clean', signature, config: { code: 'return { a: q.trim() };' } },
    {
      id: 'r', type: 'ReAct', name: 'agent', signature,
      config: { tools: [{ name: 'search', description: 'd', parameters: {}, code: 'return []' }, { name: 'empty', code: '  ' }, 'junk'] },
    },
    { id: 'b', type: 'BestOfN', name: 'best', signature, config: { reward: { kind: 'code', code: 'return 1' } } },
    { id: 'm', type: 'Refine', name: 'refine', signature, config: { reward: { kind: 'metric', metricId: 'f1' } } },
    { id: 'out', type: 'Output', fields: [{ name: 'a', type: 'str' }] },
  ],
  edges: [],
};

describe('listProjectCode', () => {
  it('finds the metric, Code node, tool and reward code and names each', () => {
    const found = listProjectCode({ graph, settings: { metric: 'custom', metricConfig: { code: 'return true' } } });
    expect(found).toEqual([
      { label: 'custom metric', code: 'return true' },
      { label: "code of Code node 'clean'", code: 'return { a: q.trim() };' },
      { label: "tool 'search' of ReAct node 'agent'", code: 'return []' },
      { label: "reward of BestOfN node 'best'", code: 'return 1' },
    ]);
  });

  it('finds nothing in a project without code', () => {
    expect(listProjectCode({ graph: { nodes: graph.nodes.slice(0, 2), edges: [] }, settings: { metric: 'exact-match', metricConfig: 'odd' } })).toEqual([]);
  });
});

describe('disabledCodeRunner', () => {
  it('refuses with a message that says code is disabled, naming what did not run', async () => {
    expect(await disabledCodeRunner().run({ code: 'return 1', args: {}, label: 'custom metric' })).toEqual({
      ok: false,
      error: `${CODE_DISABLED_MESSAGE} (custom metric did not run)`,
    });
  });
});
