import { useProjectStore } from '../../state/project-store';
import { isModuleNode } from '../../../core/program/types';
import { FieldsEditor } from './FieldsEditor';
import { ModuleInspector } from './ModuleInspector';

/** Edits the one selected node; each change is one graph edit. */
export function Inspector() {
  const selection = useProjectStore((s) => s.selection);
  const node = useProjectStore((s) => (s.selection.length === 1 ? s.graph.nodes.find((n) => n.id === s.selection[0]) : undefined));
  const applyEdit = useProjectStore((s) => s.applyEdit);
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading">Inspector</h2>
      {!node ? (
        <p className="muted">{selection.length > 1 ? `${selection.length} nodes selected.` : 'Select a node to edit it.'}</p>
      ) : isModuleNode(node) ? (
        <ModuleInspector key={node.id} node={node} />
      ) : (
        <div className="inspector-body" aria-label={`${node.type} node`}>
          <p className="muted">{node.type === 'Input' ? "The program's inputs: the dataset's input fields." : "The program's outputs, compared with the labels."}</p>
          <FieldsEditor
            key={node.id}
            role={node.type === 'Input' ? 'input' : 'output'}
            legend={node.type === 'Input' ? 'Program inputs' : 'Program outputs'}
            fields={node.fields}
            onChange={(fields) => applyEdit({ type: 'setFields', id: node.id, fields })}
            // The Input node's fields are its output ports; the Output node's are its inputs.
            onRename={(from, to) => applyEdit({ type: 'renameField', id: node.id, side: node.type === 'Input' ? 'output' : 'input', from, to })}
          />
        </div>
      )}
    </section>
  );
}
