import type { Field } from '../signature/types';
import { getModuleType } from './modules/registry';
import type { GraphEdge, GraphNode, ModuleNode, ProgramGraph } from './types';
import { isInputNode, isModuleNode, isOutputNode } from './types';

export interface Ports {
  inputs: Field[];
  outputs: Field[];
}

/** Ports of any node: the Input node only emits, the Output node only receives. */
export function portsOf(node: GraphNode): Ports {
  if (isInputNode(node)) return { inputs: [], outputs: node.fields };
  if (isOutputNode(node)) return { inputs: node.fields, outputs: [] };
  const type = getModuleType(node.type);
  return type ? type.ports(node) : { inputs: [], outputs: [] };
}

export function moduleNodes(graph: ProgramGraph): ModuleNode[] {
  return graph.nodes.filter(isModuleNode);
}

/** A label for messages: the module's name, or the node's kind. */
export function nodeLabel(node: GraphNode): string {
  return isModuleNode(node) ? `'${node.name}'` : `the ${node.type} node`;
}

export function edgesInto(graph: ProgramGraph, nodeId: string): GraphEdge[] {
  return graph.edges.filter((e) => e.target === nodeId);
}

/**
 * Kahn's algorithm, stable: among ready nodes the one listed first in `graph.nodes` goes first.
 * Returns the order and, when there is a cycle, the ids left over (every node on or behind it).
 */
export function topologicalOrder(graph: ProgramGraph): { order: string[]; cyclic: string[] } {
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (!position.has(e.source) || !position.has(e.target)) continue;
    const targets = next.get(e.source) ?? new Set<string>();
    if (!targets.has(e.target)) {
      targets.add(e.target);
      indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
    }
    next.set(e.source, targets);
  }
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const t of next.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) ready.push(t);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: graph.nodes.filter((n) => !placed.has(n.id)).map((n) => n.id) };
}
