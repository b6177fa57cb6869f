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

/**
 * React Flow nodes for the graph. Measured sizes and selection come from the previous flow
 * nodes: React Flow owns measurement, the store owns the graph and the selection.
 */
export function toFlowNodes(graph: ProgramGraph, problems: Problem[], selection: readonly string[], previous: readonly ProgramFlowNode[]): ProgramFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const selected = new Set(selection);
  return graph.nodes.map((node) => {
    const old = before.get(node.id);
    return {
      id: node.id,
      type: 'program',
      position: node.position ?? { x: 0, y: 0 },
      data: { node, problems: problems.filter((p) => p.nodeId === node.id) },
      selected: selected.has(node.id),
      ariaLabel: `${isModuleNode(node) ? node.type : 'Program'} node ${nodeTitle(node)}`,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

export function toFlowEdges(graph: ProgramGraph, selected: ReadonlySet<string>): Edge[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.map((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const label = `${source ? nodeTitle(source) : e.source}.${e.sourceField} to ${target ? nodeTitle(target) : e.target}.${e.targetField}`;
    return { id: e.id, source: e.source, target: e.target, sourceHandle: outHandle(e.sourceField), targetHandle: inHandle(e.targetField), ariaLabel: `Edge ${label}`, selected: selected.has(e.id) };
  });
}
