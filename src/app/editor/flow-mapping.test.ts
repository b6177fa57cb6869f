import { describe, expect, it } from 'vitest';
import { applyGraphEdit } from '../../core/program/edits';
import { graphFromSignature } from '../../core/program/build';
import { validateGraph } from '../../core/program/validate';
import { parseSignature } from '../../core/signature';
import { edgeMapper, toFlowEdges, toFlowNodes } from './flow-mapping';

const sample = () => graphFromSignature(parseSignature('question -> answer'));
const flowOf = (graph = sample(), selection: string[] = []) => toFlowNodes(graph, validateGraph(graph), selection, []);

describe('flow nodes keep their identity when nothing about them changed', () => {
  it('a move re-creates only the moved node, and keeps React Flow\'s measured size', () => {
    const graph = sample();
    const first = flowOf(graph).map((n) => ({ ...n, measured: { width: 190, height: 60 } }));
    expect(first.map((n) => n.id)).toEqual(['input', 'm1', 'output']);
    const moved = applyGraphEdit(graph, { type: 'moveNodes', moves: [{ id: 'm1', position: { x: 500, y: 40 } }] });
    const next = toFlowNodes(moved, validateGraph(moved), [], first);
    const byId = (id: string) => next.find((n) => n.id === id);
    expect(byId('input')).toBe(first.find((n) => n.id === 'input'));
    expect(byId('output')).toBe(first.find((n) => n.id === 'output'));
    expect(byId('m1')).not.toBe(first.find((n) => n.id === 'm1'));
    expect(byId('m1')).toMatchObject({ position: { x: 500, y: 40 }, measured: { width: 190, height: 60 } });
  });

  it('selecting a node re-creates that node only, with the same data object', () => {
    const graph = sample();
    const first = flowOf(graph);
    const next = toFlowNodes(graph, validateGraph(graph), ['m1'], first);
    const m1Before = first.find((n) => n.id === 'm1');
    const m1After = next.find((n) => n.id === 'm1');
    expect(m1After?.selected).toBe(true);
    expect(m1After).not.toBe(m1Before);
    expect(m1After?.data).toBe(m1Before?.data);
    expect(next.filter((n) => n.id !== 'm1')).toEqual(first.filter((n) => n.id !== 'm1'));
    expect(next.find((n) => n.id === 'input')).toBe(first.find((n) => n.id === 'input'));
  });

  it('a node whose problems changed gets new data even if the node itself did not change', () => {
    const graph = sample();
    const first = flowOf(graph);
    const cut = applyGraphEdit(graph, { type: 'disconnect', ids: graph.edges.filter((e) => e.target === 'output').map((e) => e.id) });
    const problems = validateGraph(cut);
    expect(problems.some((p) => p.nodeId === 'output' && p.severity === 'error')).toBe(true);
    const next = toFlowNodes(cut, problems, [], first);
    const output = next.find((n) => n.id === 'output');
    expect(output).not.toBe(first.find((n) => n.id === 'output'));
    expect(output?.data.problems.length).toBeGreaterThan(0);
  });

  it('a node React Flow moved but the store did not (a drag that rounded to nothing) is put back', () => {
    const graph = sample();
    const first = flowOf(graph);
    const nudged = first.map((n) => (n.id === 'm1' ? { ...n, position: { x: n.position.x + 0.3, y: n.position.y } } : n));
    const next = toFlowNodes(graph, validateGraph(graph), [], nudged);
    expect(next.find((n) => n.id === 'm1')?.position).toEqual(graph.nodes.find((n) => n.id === 'm1')?.position);
  });
});

describe('flow edges keep their identity when nothing about them changed', () => {
  it('reuses every edge after an edit that did not touch them, and re-labels edges of a renamed module', () => {
    const graph = sample();
    const first = toFlowEdges(graph, new Set());
    const moved = applyGraphEdit(graph, { type: 'moveNodes', moves: [{ id: 'm1', position: { x: 9, y: 9 } }] });
    const again = toFlowEdges(moved, new Set(), first);
    again.forEach((e, i) => expect(e).toBe(first[i]));
    const renamed = applyGraphEdit(graph, { type: 'updateModule', id: 'm1', patch: { name: 'solver' } });
    const relabelled = toFlowEdges(renamed, new Set(), first);
    expect(relabelled.every((e, i) => e !== first[i])).toBe(true);
    expect(relabelled.map((e) => e.ariaLabel)).toEqual(expect.arrayContaining([expect.stringContaining('solver.answer')]));
  });

  it('edgeMapper remembers its last answer; a selected edge alone is re-created', () => {
    const graph = sample();
    const map = edgeMapper();
    const first = map(graph, new Set());
    const id = first[0]?.id ?? '';
    const next = map(graph, new Set([id]));
    expect(next[0]).not.toBe(first[0]);
    expect(next[0]?.selected).toBe(true);
    next.slice(1).forEach((e, i) => expect(e).toBe(first[i + 1]));
  });
});
