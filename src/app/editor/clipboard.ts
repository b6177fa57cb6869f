import type { GraphEdit } from '../../core/program/edits';
import type { GraphEdge, GraphNode, ProgramGraph } from '../../core/program/types';
import { isModuleNode } from '../../core/program/types';
import { newId, uniqueModuleName } from './node-factory';

/** Copied nodes and the edges among them. Kept as data so paste is an ordinary edit. */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(graph: ProgramGraph, ids: readonly string[]): Fragment {
  const picked = new Set(ids);
  return {
    nodes: structuredClone(graph.nodes.filter((n) => picked.has(n.id))),
    edges: structuredClone(graph.edges.filter((e) => picked.has(e.source) && picked.has(e.target))),
  };
}

/** An `addNodes` edit for a fragment with fresh ids and names, shifted so copies do not hide the originals. */
export function pasteEdit(graph: ProgramGraph, fragment: Fragment, offset = 40): { edit: GraphEdit; ids: string[] } {
  const ids = new Map<string, string>();
  let working: ProgramGraph = graph;
  const nodes = fragment.nodes.map((node) => {
    const id = newId(isModuleNode(node) ? 'm' : node.type.toLowerCase());
    ids.set(node.id, id);
    const position = { x: (node.position?.x ?? 0) + offset, y: (node.position?.y ?? 0) + offset };
    const copy: GraphNode = isModuleNode(node)
      ? { ...structuredClone(node), id, position, name: uniqueModuleName(working, node.name.replace(/_\d+$/, '')) }
      : { ...structuredClone(node), id, position };
    working = { ...working, nodes: [...working.nodes, copy] };
    return copy;
  });
  const edges = fragment.edges.map((e) => ({ ...e, id: newId('e'), source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target }));
  return { edit: { type: 'addNodes', nodes, edges }, ids: nodes.map((n) => n.id) };
}
