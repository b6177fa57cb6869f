import type { Edge, Node } from '@xyflow/react';
import type { Problem } from '../../core/program/validate';
import type { GraphNode, ProgramGraph } from '../../core/program/types';
import { isModuleNode } from '../../core/program/types';

export interface ProgramNodeData extends Record<string, unknown> {
  node: GraphNode;
  problems: Problem[];
}

export type ProgramFlowNode = Node<ProgramNodeData, 'program'>;

/** The name a person uses for a node: the module's name, or Input/Output. */
export function nodeTitle(node: GraphNode): string {
  return isModuleNode(node) ? node.name : node.type;
}

export const inHandle = (field: string) => `in:${field}`;
export const outHandle = (field: string) => `out:${field}`;
export const fieldOfHandle = (handle: string | null | undefined) => (handle ?? '').replace(/^(in|out):/, '');

const sameProblem = (a: Problem, b: Problem) =>
  a.severity === b.severity && a.message === b.message && a.nodeId === b.nodeId && a.edgeId === b.edgeId && a.field === b.field;
const sameProblems = (a: readonly Problem[], b: readonly Problem[]) => a.length === b.length && a.every((p, i) => sameProblem(p, b[i] as Problem));

/**
 * React Flow nodes for the graph. Measured sizes and selection come from the previous flow
 * nodes: React Flow owns measurement, the store owns the graph and the selection.
 * A node whose graph node, problems, position and selection are unchanged keeps its previous
 * flow node object, so one edit re-renders only the nodes it touched, not all of them.
 */
export function toFlowNodes(graph: ProgramGraph, problems: Problem[], selection: readonly string[], previous: readonly ProgramFlowNode[]): ProgramFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const selected = new Set(selection);
  const byNode = new Map<string, Problem[]>();
  for (const p of problems) if (p.nodeId !== undefined) byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
  return graph.nodes.map((node) => {
    const old = before.get(node.id);
    const position = node.position ?? { x: 0, y: 0 };
    const own = byNode.get(node.id) ?? [];
    const isSelected = selected.has(node.id);
    if (old && old.data.node === node && old.selected === isSelected && !old.dragging && old.position.x === position.x && old.position.y === position.y && sameProblems(old.data.problems, own)) return old;
    return {
      id: node.id,
      type: 'program',
      position,
      data: old && old.data.node === node && sameProblems(old.data.problems, own) ? old.data : { node, problems: own },
      selected: isSelected,
      ariaLabel: `${isModuleNode(node) ? node.type : 'Program'} node ${nodeTitle(node)}`,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

/** React Flow edges for the graph; an edge whose label and selection are unchanged keeps its previous object. */
export function toFlowEdges(graph: ProgramGraph, selected: ReadonlySet<string>, previous: readonly Edge[] = []): Edge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.map((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const label = `${source ? nodeTitle(source) : e.source}.${e.sourceField} to ${target ? nodeTitle(target) : e.target}.${e.targetField}`;
    const next = { id: e.id, source: e.source, target: e.target, sourceHandle: outHandle(e.sourceField), targetHandle: inHandle(e.targetField), ariaLabel: `Edge ${label}`, selected: selected.has(e.id) };
    const old = before.get(e.id);
    const same = old && old.source === next.source && old.target === next.target && old.sourceHandle === next.sourceHandle && old.targetHandle === next.targetHandle && old.ariaLabel === next.ariaLabel && old.selected === next.selected;
    return same ? old : next;
  });
}

/** A toFlowEdges that remembers its last answer, for a component to hold once (e.g. in useState). */
export function edgeMapper(): (graph: ProgramGraph, selected: ReadonlySet<string>) => Edge[] {
  let last: Edge[] = [];
  return (graph, selected) => (last = toFlowEdges(graph, selected, last));
}
