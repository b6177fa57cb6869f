import {
  Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useUpdateNodeInternals,
  type Connection, type Edge, type EdgeChange, type NodeChange, type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { connectionProblem } from '../../core/program/edits';
import { portsOf } from '../../core/program/graph';
import type { GraphNode } from '../../core/program/types';
import { validateGraph } from '../../core/program/validate';
import { useProjectStore } from '../state/project-store';
import { CanvasToolbar } from './CanvasToolbar';
import { edgeMapper, fieldOfHandle, toFlowNodes, type ProgramFlowNode } from './flow-mapping';
import { newId } from './node-factory';
import { PALETTE_MIME, readPaletteItem } from './palette-drag';
import { NODE_TYPES } from './ProgramNodeView';
import { ProblemsList } from './ProblemsList';
import { useAddNode } from './useAddNode';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useTheme } from '../layout/useTheme';
import { QuotaHelp } from '../storage/QuotaHelp';

function portKey(node: GraphNode): string {
  const { inputs, outputs } = portsOf(node);
  return `${inputs.map((f) => f.name).join(',')}>${outputs.map((f) => f.name).join(',')}`;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The React Flow canvas. The store's graph is the truth; React Flow keeps only sizes and drags. */
export function Canvas() {
  const graph = useProjectStore((s) => s.graph);
  const selection = useProjectStore((s) => s.selection);
  const notice = useProjectStore((s) => s.notice);
  const projectId = useProjectStore((s) => s.projectId);
  const { theme } = useTheme();
  const problems = useMemo(() => validateGraph(graph), [graph]);
  const [nodes, setNodes] = useState<ProgramFlowNode[]>([]);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [mapEdges] = useState(edgeMapper);
  const edges = useMemo(() => mapEdges(graph, selectedEdges), [mapEdges, graph, selectedEdges]);
  const addNode = useAddNode();
  useEditorShortcuts();

  useEffect(() => {
    setNodes((previous) => toFlowNodes(graph, problems, selection, previous));
  }, [graph, problems, selection]);

  // React Flow measures handles when a node resizes; a renamed port keeps the size, so the
  // nodes whose ports changed are re-measured by hand once they have rendered.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKeys = useRef(new Map<string, string>());
  const remeasure = useRef<string[]>([]);
  useEffect(() => {
    for (const node of graph.nodes) {
      const key = portKey(node);
      const before = portKeys.current.get(node.id);
      if (before !== undefined && before !== key) remeasure.current.push(node.id);
      portKeys.current.set(node.id, key);
    }
  }, [graph]);
  useEffect(() => {
    if (remeasure.current.length === 0) return;
    const ids = remeasure.current;
    remeasure.current = [];
    requestAnimationFrame(() => updateNodeInternals(ids));
  }, [nodes, updateNodeInternals]);

  const onNodesChange = useCallback((changes: NodeChange<ProgramFlowNode>[]) => {
    // Removal goes through onDelete as one edit; everything else (drag, measure) is React Flow's.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    const next = applyEdgeChanges(changes.filter((c) => c.type === 'select'), edges);
    setSelectedEdges(new Set(next.filter((e) => e.selected).map((e) => e.id)));
  }, [edges]);

  const onSelectionChange = useCallback(({ nodes: picked }: OnSelectionChangeParams) => {
    const ids = picked.map((n) => n.id);
    const { selection: current, select } = useProjectStore.getState();
    if (!sameIds(ids, current)) select(ids);
  }, []);

  const onNodeDragStop = useCallback((_: unknown, _node: ProgramFlowNode, dragged: ProgramFlowNode[]) => {
    const { graph: current, applyEdit } = useProjectStore.getState();
    const before = new Map(current.nodes.map((n) => [n.id, n.position]));
    const moves = dragged
      .map((n) => ({ id: n.id, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }))
      .filter((m) => { const p = before.get(m.id); return !p || p.x !== m.position.x || p.y !== m.position.y; });
    // A click that nudged nothing is not an edit: it must not leave an empty undo step.
    if (moves.length > 0) applyEdit({ type: 'moveNodes', moves });
  }, []);

  const onDelete = useCallback(({ nodes: gone, edges: cut }: { nodes: ProgramFlowNode[]; edges: Edge[] }) => {
    useProjectStore.getState().applyEdit({ type: 'removeNodes', ids: gone.map((n) => n.id), edgeIds: cut.map((e) => e.id) });
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const { graph: current, applyEdit, setNotice } = useProjectStore.getState();
    const edge = { source: c.source, sourceField: fieldOfHandle(c.sourceHandle), target: c.target, targetField: fieldOfHandle(c.targetHandle) };
    const reason = connectionProblem(current, edge);
    if (reason) setNotice(`Connection refused: ${reason}`);
    else applyEdit({ type: 'connect', edge: { ...edge, id: newId('e') } });
  }, []);

  const onDrop = (event: DragEvent) => {
    const item = readPaletteItem(event.dataTransfer);
    if (!item) return;
    event.preventDefault();
    addNode(item, { x: event.clientX, y: event.clientY });
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  if (!projectId) return <section className="canvas canvas-empty" aria-label="Canvas"><p>Open or create a project to start.</p></section>;
  return (
    <section className="canvas" aria-label="Canvas">
      {notice && (
        <div className="canvas-notice" role="alert">
          <span>{notice}</span>
          <QuotaHelp error={notice} />
          <button type="button" className="link-button" onClick={() => useProjectStore.getState().setNotice(null)} aria-label="Dismiss message">×</button>
        </div>
      )}
      <div className="canvas-flow" onDrop={onDrop} onDragOver={onDragOver}>
        <ReactFlow
          key={projectId}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onNodeDragStop={onNodeDragStop}
          onDelete={onDelete}
          onConnect={onConnect}
          deleteKeyCode={['Delete', 'Backspace']}
          colorMode={theme}
          fitView
          fitViewOptions={{ maxZoom: 1.1 }}
          aria-label="Program graph"
        >
          <Background />
          <MiniMap pannable zoomable ariaLabel="Minimap" />
          <Controls />
          <CanvasToolbar />
        </ReactFlow>
      </div>
      <ProblemsList />
    </section>
  );
}
