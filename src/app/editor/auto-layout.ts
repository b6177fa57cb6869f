import { topologicalOrder } from '../../core/program/graph';
import type { ProgramGraph } from '../../core/program/types';
import type { GraphEdit } from '../../core/program/edits';

const COLUMN_WIDTH = 300;
const ROW_HEIGHT = 180;

/**
 * A simple layered layout (no layout package is installed): each node's column is its longest
 * path from a source, rows keep topological order. Nodes on a cycle go in a last column.
 */
export function layeredLayout(graph: ProgramGraph): GraphEdit {
  const { order, cyclic } = topologicalOrder(graph);
  const layer = new Map<string, number>();
  for (const id of order) {
    const incoming = graph.edges.filter((e) => e.target === id).map((e) => (layer.get(e.source) ?? 0) + 1);
    layer.set(id, Math.max(0, ...incoming));
  }
  const last = Math.max(0, ...layer.values()) + 1;
  for (const id of cyclic) layer.set(id, last);
  const rows = new Map<number, number>();
  const moves = [...order, ...cyclic].map((id) => {
    const column = layer.get(id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { id, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT } };
  });
  return { type: 'moveNodes', moves };
}
