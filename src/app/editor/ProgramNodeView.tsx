import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { portsOf } from '../../core/program/graph';
import { getModuleType } from '../../core/program/modules/registry';
import { isModuleNode } from '../../core/program/types';
import type { Problem } from '../../core/program/validate';
import type { Field } from '../../core/signature/types';
import { inHandle, nodeTitle, outHandle, type ProgramFlowNode } from './flow-mapping';

function Port({ field, side, owner, problems }: { field: Field; side: 'input' | 'output'; owner: string; problems: Problem[] }) {
  const isInput = side === 'input';
  const own = problems.filter((p) => p.field === field.name && p.severity === 'error');
  return (
    <li className={`port port-${side}${own.length ? ' has-problem' : ''}`} title={own.map((p) => p.message).join('\n') || undefined}>
      <Handle
        type={isInput ? 'target' : 'source'}
        position={isInput ? Position.Left : Position.Right}
        id={isInput ? inHandle(field.name) : outHandle(field.name)}
        aria-label={`${side} ${field.name} on ${owner}`}
        title={`${field.name}: ${field.type}`}
      />
      <span className="port-name">{field.name}</span>
      <span className="port-type">{field.type}</span>
    </li>
  );
}

/** The one generic node (STYLE.md 3): title, type and a typed handle per port, from core metadata. */
function ProgramNodeViewImpl({ data, selected }: NodeProps<ProgramFlowNode>) {
  const { node, problems } = data;
  const title = nodeTitle(node);
  const ports = portsOf(node);
  const subtitle = isModuleNode(node) ? (getModuleType(node.type)?.label ?? `unknown type ${node.type}`) : 'program ' + node.type.toLowerCase();
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <div className={`program-node${selected ? ' is-selected' : ''}${errors.length ? ' has-errors' : ''}${isModuleNode(node) ? '' : ' is-io'}`}>
      <div className="program-node-header">
        <strong>{title}</strong>
        <span className="program-node-type">{subtitle}</span>
        {errors.length > 0 && (
          <span className="problem-badge" title={errors.map((p) => p.message).join('\n')} aria-label={`${errors.length} problem${errors.length > 1 ? 's' : ''}`}>
            {errors.length}
          </span>
        )}
      </div>
      <div className="program-node-ports">
        <ul aria-label={`Inputs of ${title}`}>{ports.inputs.map((f) => <Port key={f.name} field={f} side="input" owner={title} problems={problems} />)}</ul>
        <ul aria-label={`Outputs of ${title}`}>{ports.outputs.map((f) => <Port key={f.name} field={f} side="output" owner={title} problems={problems} />)}</ul>
      </div>
    </div>
  );
}

export const ProgramNodeView = memo(ProgramNodeViewImpl);

/** Defined once at module level so React Flow never sees a new object (STYLE.md 3). */
export const NODE_TYPES = { program: ProgramNodeView };
