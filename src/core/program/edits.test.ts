import { describe, expect, it } from 'vitest';
import { parseSignature } from '../signature';
import { graphFromSignature } from './build';
import { applyGraphEdit, connectionProblem, GraphEditError, type GraphEdit } from './edits';
import type { ModuleNode, ProgramGraph } from './types';
import { isModuleNode } from './types';
import { validateGraph } from './validate';

const base = (): ProgramGraph => graphFromSignature(parseSignature('question -> answer'));
const cot = (id: string, name: string, sig = 'question -> answer'): ModuleNode => ({
  id, type: 'ChainOfThought', name, signature: parseSignature(sig), config: {}, position: { x: 0, y: 0 },
});
const apply = (graph: ProgramGraph, ...edits: GraphEdit[]) => edits.reduce(applyGraphEdit, graph);

describe('applyGraphEdit', () => {
  it('adds nodes with their edges and leaves the input graph untouched', () => {
    const g = base();
    const before = JSON.stringify(g);
    const next = apply(g, { type: 'addNodes', nodes: [cot('n2', 'qa')], edges: [{ id: 'e9', source: 'input', sourceField: 'question', target: 'n2', targetField: 'question' }] });
    expect(next.nodes.map((n) => n.id)).toEqual(['input', 'm1', 'output', 'n2']);
    expect(next.edges.at(-1)?.target).toBe('n2');
    expect(JSON.stringify(g)).toBe(before);
  });

  it('refuses a duplicate node id, naming it', () => {
    expect(() => apply(base(), { type: 'addNodes', nodes: [cot('m1', 'qa')] })).toThrow(/node with id 'm1' already exists/);
  });

  it('removing a node removes every edge touching it', () => {
    const next = apply(base(), { type: 'removeNodes', ids: ['m1'] });
    expect(next.nodes.map((n) => n.id)).toEqual(['input', 'output']);
    expect(next.edges).toEqual([]);
    const cut = apply(base(), { type: 'removeNodes', ids: [], edgeIds: ['out-answer'] });
    expect(cut.edges.map((e) => e.id)).toEqual(['in-question']);
  });

  it('moves nodes', () => {
    const next = apply(base(), { type: 'moveNodes', moves: [{ id: 'output', position: { x: 9, y: 7 } }] });
    expect(next.nodes.find((n) => n.id === 'output')?.position).toEqual({ x: 9, y: 7 });
  });

  it('connects a compatible edge and refuses an incompatible one with the reason', () => {
    const g = apply(base(), { type: 'addNodes', nodes: [cot('n2', 'qa', 'draft: int -> answer')] });
    expect(() => apply(g, { type: 'connect', edge: { id: 'x', source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'draft' } }))
      .toThrow(GraphEditError);
    expect(connectionProblem(g, { source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'draft' }))
      .toBe("type mismatch: 'predict'.answer is str but 'qa'.draft expects int");
    const ok = apply(g, { type: 'updateModule', id: 'n2', patch: { signature: parseSignature('draft -> answer') } });
    const connected = apply(ok, { type: 'connect', edge: { id: 'x', source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'draft' } });
    expect(connected.edges.at(-1)).toMatchObject({ source: 'm1', target: 'n2' });
  });

  it('explains missing ports, self loops, double binding and cycles', () => {
    const g = apply(base(), { type: 'addNodes', nodes: [cot('n2', 'qa')] });
    expect(connectionProblem(g, { source: 'm1', sourceField: 'nope', target: 'n2', targetField: 'question' })).toBe("'predict' has no output field 'nope'");
    expect(connectionProblem(g, { source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'nope' })).toBe("'qa' has no input field 'nope'");
    expect(connectionProblem(g, { source: 'n2', sourceField: 'answer', target: 'n2', targetField: 'question' })).toBe("'qa' cannot feed itself");
    expect(connectionProblem(g, { source: 'n2', sourceField: 'reasoning', target: 'm1', targetField: 'question' }))
      .toBe("'predict'.question is already connected; an input takes one edge");
    const chained = apply(g, { type: 'connect', edge: { id: 'c', source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'question' } });
    const freed = apply(chained, { type: 'disconnect', ids: ['in-question'] });
    expect(connectionProblem(freed, { source: 'n2', sourceField: 'answer', target: 'm1', targetField: 'question' })).toBe("'qa' → 'predict' would make a cycle");
  });

  it('updates a module name, signature and config', () => {
    const next = apply(base(), { type: 'updateModule', id: 'm1', patch: { name: 'solve', signature: parseSignature('question, context -> answer'), config: { temperature: 0.3 } } });
    const node = next.nodes.find(isModuleNode);
    expect(node?.name).toBe('solve');
    expect(node?.signature.inputs.map((f) => f.name)).toEqual(['question', 'context']);
    expect(node?.config).toEqual({ temperature: 0.3 });
    expect(validateGraph(next).map((p) => p.message)).toContain("'solve': input 'context' is not connected");
  });

  it('sets Input/Output fields and refuses to on a module', () => {
    const next = apply(base(), { type: 'setFields', id: 'input', fields: [{ name: 'question', type: 'str' }, { name: 'hint', type: 'str' }] });
    expect(next.nodes[0]).toMatchObject({ fields: [{ name: 'question' }, { name: 'hint' }] });
    expect(() => apply(base(), { type: 'setFields', id: 'm1', fields: [] })).toThrow(/is a module/);
    expect(() => apply(base(), { type: 'setFields', id: 'ghost', fields: [] })).toThrow("setFields: no node with id 'ghost'");
  });

  it('renames a field and keeps the edges bound to it', () => {
    const g = apply(base(), { type: 'renameField', id: 'm1', side: 'input', from: 'question', to: 'query' });
    const node = g.nodes.find(isModuleNode);
    expect(node?.signature.inputs.map((f) => f.name)).toEqual(['query']);
    expect(node?.signature.instructions).toBe('Given the fields `query`, produce the fields `answer`.');
    expect(g.edges.find((e) => e.id === 'in-question')?.targetField).toBe('query');
    const io = apply(g, { type: 'renameField', id: 'input', side: 'output', from: 'question', to: 'text' });
    expect(io.edges.find((e) => e.id === 'in-question')).toMatchObject({ sourceField: 'text', targetField: 'query' });
    expect(validateGraph(io)).toEqual([]);
    expect(() => apply(g, { type: 'renameField', id: 'm1', side: 'output', from: 'nope', to: 'x' })).toThrow("'predict' has no output field 'nope'");
    expect(() => apply(g, { type: 'renameField', id: 'output', side: 'output', from: 'answer', to: 'x' })).toThrow('has no output field');
    const withCot = apply(g, { type: 'addNodes', nodes: [cot('n2', 'qa')] });
    expect(() => apply(withCot, { type: 'renameField', id: 'n2', side: 'output', from: 'reasoning', to: 'why' })).toThrow("'qa' has no output field 'reasoning'");
  });

  it('applies an optimized program state (instructions and demos)', () => {
    const next = apply(base(), { type: 'applyState', state: { predict: { signature: { ...parseSignature('question -> answer'), instructions: 'Be brief.' }, demos: [{ question: 'q', answer: 'a' }] } } });
    const node = next.nodes.find(isModuleNode);
    expect(node?.signature.instructions).toBe('Be brief.');
    expect(node?.demos).toEqual([{ question: 'q', answer: 'a' }]);
  });
});
