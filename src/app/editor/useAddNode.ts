import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useProjectStore } from '../state/project-store';
import { createNode, type PaletteKind } from './node-factory';

/** Adds a palette item at a screen point, or at the middle of the canvas when none is given. */
export function useAddNode(): (item: PaletteKind, screen?: { x: number; y: number }) => void {
  const flow = useReactFlow();
  return useCallback(
    (item, screen) => {
      const { projectId, graph, applyEdit, select } = useProjectStore.getState();
      if (!projectId) return;
      const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
      const point = screen ?? (pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 });
      const position = flow.screenToFlowPosition(point);
      const node = createNode(graph, item, position);
      if (applyEdit({ type: 'addNodes', nodes: [node] })) select([node.id]);
    },
    [flow],
  );
}
