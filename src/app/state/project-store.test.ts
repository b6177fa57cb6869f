import { beforeEach, describe, expect, it } from 'vitest';
import { graphFromSignature } from '../../core/program/build';
import { parseSignature } from '../../core/signature';
import type { ModuleNode } from '../../core/program/types';
import { useProjectStore } from './project-store';

const store = () => useProjectStore.getState();
const cot: ModuleNode = { id: 'n2', type: 'ChainOfThought', name: 'qa', signature: parseSignature('question -> answer'), config: {} };

beforeEach(() => {
  store().open({ id: 'p1', name: 'P', graph: graphFromSignature(parseSignature('question -> answer')), settings: {} });
});

describe('project store', () => {
  it('opening a project starts with an empty history', () => {
    expect(useProjectStore.temporal.getState().pastStates).toHaveLength(0);
    store().undo();
    expect(store().graph.nodes).toHaveLength(3);
  });

  it('undoes and redoes graph edits one step at a time', () => {
    store().applyEdit({ type: 'addNodes', nodes: [cot] });
    store().applyEdit({ type: 'disconnect', ids: ['in-question'] });
    store().applyEdit({ type: 'connect', edge: { id: 'e', source: 'input', sourceField: 'question', target: 'n2', targetField: 'question' } });
    expect(store().graph.edges.map((e) => e.id)).toEqual(['out-answer', 'e']);
    store().undo();
    expect(store().graph.edges.map((e) => e.id)).toEqual(['out-answer']);
    store().undo();
    store().undo();
    expect(store().graph.nodes).toHaveLength(3);
    store().redo();
    expect(store().graph.nodes.map((n) => n.id)).toContain('n2');
  });

  it('a refused edit changes nothing, records no step and explains itself', () => {
    store().applyEdit({ type: 'addNodes', nodes: [{ ...cot, signature: parseSignature('q: int -> answer') }] });
    const ok = store().applyEdit({ type: 'connect', edge: { id: 'x', source: 'm1', sourceField: 'answer', target: 'n2', targetField: 'q' } });
    expect(ok).toBe(false);
    expect(store().notice).toMatch(/type mismatch: 'predict'.answer is str but 'qa'.q expects int/);
    expect(useProjectStore.temporal.getState().pastStates).toHaveLength(1);
  });

  it('renames, settings and selection never enter the undo history', () => {
    store().rename('Other');
    store().setSettings({ metric: 'exact_match' });
    store().select(['m1']);
    expect(useProjectStore.temporal.getState().pastStates).toHaveLength(0);
    expect(store().settings).toEqual({ metric: 'exact_match' });
  });

  it('applyCandidate writes instructions and demos as one undoable step', () => {
    store().applyCandidate({ predict: { signature: { ...parseSignature('question -> answer'), instructions: 'Think.' }, demos: [] } });
    const node = store().graph.nodes.find((n) => n.id === 'm1') as ModuleNode;
    expect(node.signature.instructions).toBe('Think.');
    store().undo();
    expect((store().graph.nodes.find((n) => n.id === 'm1') as ModuleNode).signature.instructions).not.toBe('Think.');
  });

  it('drops removed nodes from the selection', () => {
    store().select(['m1', 'output']);
    store().applyEdit({ type: 'removeNodes', ids: ['m1'] });
    expect(store().selection).toEqual(['output']);
  });
});
