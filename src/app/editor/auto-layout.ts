import dagre from '@dagrejs/dagre';
import { portsOf } from '../../core/program/graph';
import type { GraphEdit } from '../../core/program/edits';
import type { ProgramGraph } from '../../core/program/types';

const NODE_WIDTH = 220;
const HEADER_HEIGHT = 36;
const PORT_HEIGHT = 22;

/** A node's drawn size, estimated from its port count (the canvas draws one row per port). */
function sizeOf(graph: ProgramGraph, id: string): { width: number; height: number } {
  const node = graph.nodes.find((n) => n.id === id);
  const ports = node ? portsOf(node) : { inputs: [], outputs: [] };
  return { width: NODE_WIDTH, height: HEADER_HEIGHT + PORT_HEIGHT * Math.max(1, ports.inputs.length, ports.outputs.length) };
}

/**
 * Left-to-right layered layout by dagre (ranks, crossing reduction, spacing), as one edit so
 * it undoes in one step. Dagre places node centres; React Flow positions are top-left corners.
 */
export function autoLayout(graph: ProgramGraph): GraphEdit {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, sizeOf(graph, node.id));
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target, {}, edge.id);
  dagre.layout(g);
  const moves = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return { id: node.id, position: { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) } };
  });
  return { type: 'moveNodes', moves };
}
