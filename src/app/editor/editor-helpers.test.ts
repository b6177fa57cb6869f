import { describe, expect, it } from 'vitest';
import { applyGraphEdit } from '../../core/program/edits';
import { graphFromSignature } from '../../core/program/build';
import { validateGraph } from '../../core/program/validate';
import { isModuleNode, type ModuleNode } from '../../core/program/types';
import { parseSignature } from '../../core/signature';
import { autoLayout } from './auto-layout';
import { copyFragment, pasteEdit } from './clipboard';
import { baseName, createNode, starterGraph, uniqueModuleName } from './node-factory';

const sample = () => graphFromSignature(parseSignature('question -> answer'));

describe('node factory', () => {
  it('names modules as Python identifiers, unique in the graph', () => {
    expect(baseName('ChainOfThought')).toBe('cot');
    expect(baseName('ProgramOfThought')).toBe('program_of_thought');
    expect(uniqueModuleName(sample(), 'predict')).toBe('predict_2');
    const node = createNode(sample(), { kind: 'module', typeId: 'Predict' }, { x: 1, y: 2 }) as ModuleNode;
    expect(node).toMatchObject({ type: 'Predict', name: 'predict_2', position: { x: 1, y: 2 } });
    expect(() => createNode(sample(), { kind: 'module', typeId: 'Nope' }, { x: 0, y: 0 })).toThrow("unknown module type 'Nope'");
  });

  it('a starter graph has one Input and one Output', () => {
    expect(starterGraph().nodes.map((n) => n.type)).toEqual(['Input', 'Output']);
  });
});

describe('auto layout', () => {
  it('lays the program out left to right along its edges', () => {
    const g = applyGraphEdit(sample(), autoLayout(sample()));
    const x = Object.fromEntries(g.nodes.map((n) => [n.id, n.position?.x]));
    expect(x.input).toBeLessThan(x.m1 ?? 0);
    expect(x.m1).toBeLessThan(x.output ?? 0);
  });

  it('stacks parallel modules in one column without overlap', () => {
    const base = sample();
    const second = { ...(base.nodes[1] as ModuleNode), id: 'm2', name: 'other' };
    const graph = {
      nodes: [...base.nodes, second],
      edges: [...base.edges, { id: 'e-m2', source: 'input', sourceField: 'question', target: 'm2', targetField: 'question' }],
    };
    const laid = applyGraphEdit(graph, autoLayout(graph));
    const pos = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
    expect(pos.m1?.x).toBe(pos.m2?.x);
    expect(Math.abs((pos.m1?.y ?? 0) - (pos.m2?.y ?? 0))).toBeGreaterThanOrEqual(58);
  });
});

describe('clipboard', () => {
  it('pastes copies with fresh ids and names and keeps the edges among them', () => {
    const g = sample();
    const fragment = copyFragment(g, ['input', 'm1']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['in-question']);
    const { edit, ids } = pasteEdit(g, fragment);
    const next = applyGraphEdit(g, edit);
    expect(next.nodes).toHaveLength(5);
    const copy = next.nodes.find((n) => n.id === ids[1]);
    expect(copy && isModuleNode(copy) ? copy.name : '').toBe('predict_2');
    expect(next.edges.at(-1)).toMatchObject({ source: ids[0], target: ids[1] });
    expect(validateGraph(next).some((p) => p.message.includes('exactly one Input'))).toBe(true);
  });
});
