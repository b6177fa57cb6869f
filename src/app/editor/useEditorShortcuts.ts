import { useEffect, useRef } from 'react';
import { useProjectStore } from '../state/project-store';
import { copyFragment, pasteEdit, type Fragment } from './clipboard';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Pastes or duplicates as one edit and selects the copies. */
export function pasteFragment(fragment: Fragment): void {
  if (fragment.nodes.length === 0) return;
  const { graph, applyEdit, select } = useProjectStore.getState();
  const { edit, ids } = pasteEdit(graph, fragment);
  if (applyEdit(edit)) select(ids);
}

export function duplicateSelection(): void {
  const { graph, selection } = useProjectStore.getState();
  pasteFragment(copyFragment(graph, selection));
}

/**
 * Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (and Ctrl+Y), copy, paste and duplicate on the graph. Left alone
 * while the user types in a field, so text undo there stays the browser's.
 */
export function useEditorShortcuts(): void {
  const clipboard = useRef<Fragment | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const store = useProjectStore.getState();
      if (key === 'z') {
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (key === 'y') {
        store.redo();
      } else if (key === 'c') {
        // Copying page text (a trace, a message) stays the browser's.
        if (store.selection.length === 0 || window.getSelection()?.isCollapsed === false) return;
        clipboard.current = copyFragment(store.graph, store.selection);
      } else if (key === 'v') {
        if (!clipboard.current) return;
        pasteFragment(clipboard.current);
      } else if (key === 'd') {
        duplicateSelection();
      } else {
        return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
