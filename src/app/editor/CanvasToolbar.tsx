import { Panel, useReactFlow } from '@xyflow/react';
import { useHistoryState, useProjectStore } from '../state/project-store';
import { autoLayout } from './auto-layout';
import { duplicateSelection } from './useEditorShortcuts';

export function CanvasToolbar() {
  const { canUndo, canRedo } = useHistoryState();
  const undo = useProjectStore((s) => s.undo);
  const redo = useProjectStore((s) => s.redo);
  const hasSelection = useProjectStore((s) => s.selection.length > 0);
  const flow = useReactFlow();
  const layout = () => {
    const { graph, applyEdit } = useProjectStore.getState();
    if (applyEdit(autoLayout(graph))) requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
  };
  const remove = () => {
    const { selection, applyEdit } = useProjectStore.getState();
    applyEdit({ type: 'removeNodes', ids: selection });
  };
  return (
    <Panel position="top-left" className="canvas-toolbar" aria-label="Canvas tools" role="toolbar">
      <button type="button" className="ghost small" onClick={undo} disabled={!canUndo} title="Undo (Ctrl/Cmd+Z)">Undo</button>
      <button type="button" className="ghost small" onClick={redo} disabled={!canRedo} title="Redo (Shift+Ctrl/Cmd+Z)">Redo</button>
      <button type="button" className="ghost small" onClick={layout}>Auto layout</button>
      <button type="button" className="ghost small" onClick={duplicateSelection} disabled={!hasSelection} title="Duplicate (Ctrl/Cmd+D)">Duplicate</button>
      <button type="button" className="ghost small" onClick={remove} disabled={!hasSelection} title="Delete (Delete/Backspace)">Delete</button>
    </Panel>
  );
}
