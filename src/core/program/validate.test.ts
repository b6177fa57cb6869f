import { describe, expect, it } from 'vitest';
import { graphFromSignature } from './build';
import type { ModuleNode, ProgramGraph } from './types';
import { typesCompatible, validateGraph } from './validate';

const sig = (inputs: [string, string][], outputs: [string, string][]) => ({
  instructions: 'Do it.',
  inputs: inputs.map(([name, type]) => ({ name, type })),
  outputs: outputs.map(([name, type]) => ({ name, type })),
});

function twoModules(): ProgramGraph {
  return {
    nodes: [
      { id: 'in', type: 'Input', fields: [{ name: 'question', type: 'str' }] },
      { id: 'a', type: 'ChainOfThought', name: 'draft', signature: sig([['question', 'str']], [['answer', 'str']]), config: {} },
      { id: 'b', type: 'Predict', name: 'polish', signature: sig([['answer', 'str']], [['final', 'str']]), config: {} },
      { id: 'out', type: 'Output', fields: [{ name: 'final', type: 'str' }] },
    ],
    edges: [
      { id: 'e1', source: 'in', sourceField: 'question', target: 'a', targetField: 'question' },
      { id: 'e2', source: 'a', sourceField: 'answer', target: 'b', targetField: 'answer' },
      { id: 'e3', source: 'b', sourceField: 'final', target: 'out', targetField: 'final' },
    ],
  };
}

const messages = (g: ProgramGraph) => validateGraph(g).map((p) => p.message);

describe('validateGraph', () => {
  it('accepts a well-formed one-module and two-module program', () => {
    expect(validateGraph(graphFromSignature(sig([['a', 'int'], ['b', 'int']], [['sum', 'int']])))).toEqual([]);
    expect(validateGraph(twoModules())).toEqual([]);
  });

  it('names the nodes of a cycle', () => {
    const g = twoModules();
    const a = g.nodes[1] as ModuleNode;
    a.signature.inputs.push({ name: 'final', type: 'str' });
    g.edges.push({ id: 'back', source: 'b', sourceField: 'final', target: 'a', targetField: 'final' });
    const cycle = validateGraph(g).filter((p) => p.message.startsWith('cycle'));
    expect(cycle.map((p) => p.nodeId).sort()).toEqual(['a', 'b', 'out']);
    expect(cycle[0]?.message).toContain("'draft'");
    expect(cycle[0]?.message).toContain("'polish'");
  });

  it('names an unbound input with its node and field', () => {
    const g = twoModules();
    g.edges = g.edges.filter((e) => e.id !== 'e2');
    const problem = validateGraph(g).find((p) => p.field === 'answer');
    expect(problem).toMatchObject({ nodeId: 'b', message: "'polish': input 'answer' is not connected" });
  });

  it('refuses a type mismatch across an edge and says both types', () => {
    const g = twoModules();
    (g.nodes[2] as ModuleNode).signature.inputs[0] = { name: 'answer', type: 'int' };
    expect(messages(g)).toContain("type mismatch: 'draft'.answer is str but 'polish'.answer expects int");
  });

  it('refuses duplicate and non-identifier names', () => {
    const g = twoModules();
    (g.nodes[2] as ModuleNode).name = 'draft';
    (g.nodes[1] as ModuleNode).signature.outputs.push({ name: '2x', type: 'str' }, { name: 'answer', type: 'str' });
    const found = messages(g);
    expect(found).toContain("two modules are named 'draft'; names must be unique");
    expect(found).toContain("'draft': output field '2x' is not a Python identifier");
    expect(found).toContain("'draft': duplicate output field 'answer'");
  });

  it('refuses an input bound twice, a missing field, a missing node and an unknown type', () => {
    const g = twoModules();
    g.edges.push({ id: 'dup', source: 'in', sourceField: 'question', target: 'b', targetField: 'answer' });
    g.edges.push({ id: 'ghost', source: 'nowhere', sourceField: 'x', target: 'b', targetField: 'answer' });
    g.edges.push({ id: 'nofield', source: 'a', sourceField: 'nope', target: 'out', targetField: 'final' });
    (g.nodes[1] as ModuleNode).type = 'Teleport';
    const found = messages(g);
    expect(found).toContain("'polish'.answer is bound twice");
    expect(found).toContain("edge 'ghost' points at a missing node 'nowhere'");
    expect(found).toContain("'draft': unknown module type 'Teleport'");
  });

  it('needs exactly one Input and one Output node', () => {
    const g = twoModules();
    g.nodes = g.nodes.filter((n) => n.type !== 'Output');
    expect(messages(g)).toContain('the program needs exactly one Output node (found 0)');
  });
});

describe('typesCompatible', () => {
  it('lets anything feed str, int feed float, and X feed Optional[X]', () => {
    expect(typesCompatible('int', 'str')).toBe(true);
    expect(typesCompatible('int', 'float')).toBe(true);
    expect(typesCompatible('int', 'Optional[int]')).toBe(true);
    expect(typesCompatible('list[str]', 'list[ str ]')).toBe(true);
    expect(typesCompatible('str', 'int')).toBe(false);
    expect(typesCompatible('float', 'int')).toBe(false);
  });
});
