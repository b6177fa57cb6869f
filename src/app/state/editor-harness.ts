import { isModuleNode, type GraphNode } from '../../core/program/types';
import { createNode, newId, starterGraph, type PaletteKind } from '../editor/node-factory';
import { useProjectStore } from './project-store';

/**
 * Drives the editor headlessly the way a person does on the canvas (STYLE.md 8): tests say
 * `addModule('ChainOfThought')`, `connect('cot.answer', 'predict.question')`, `undo()`.
 * Nodes are named by module name, or `Input` / `Output`.
 */
export function editorHarness(projectId = 'test-project') {
  const store = () => useProjectStore.getState();
  store().open({ id: projectId, name: 'Test', graph: starterGraph(), settings: {} });

  const byName = (name: string): GraphNode => {
    const node = store().graph.nodes.find((n) => (isModuleNode(n) ? n.name : n.type) === name);
    if (!node) throw new Error(`no node named '${name}'`);
    return node;
  };
  const port = (ref: string) => {
    const [name = '', field = ''] = ref.split('.');
    return { id: byName(name).id, field };
  };

  return {
    get graph() {
      return store().graph;
    },
    get notice() {
      return store().notice;
    },
    node: byName,
    add(item: PaletteKind): GraphNode {
      const node = createNode(store().graph, item, { x: 0, y: 0 });
      if (!store().applyEdit({ type: 'addNodes', nodes: [node] })) throw new Error(store().notice ?? 'add refused');
      return node;
    },
    addModule(typeId: string): GraphNode {
      return this.add({ kind: 'module', typeId });
    },
    /** Returns false when refused; the reason is in `notice`, as the canvas shows it. */
    connect(from: string, to: string): boolean {
      const a = port(from);
      const b = port(to);
      return store().applyEdit({ type: 'connect', edge: { id: newId('e'), source: a.id, sourceField: a.field, target: b.id, targetField: b.field } });
    },
    undo: () => store().undo(),
    redo: () => store().redo(),
  };
}
