import type { Demo, Signature } from '../signature/types';
import { getModuleType } from './modules/registry';
import type { GraphEdge, ModuleConfig, ProgramGraph } from './types';

export interface SingleModuleOptions {
  /** Module type id, default 'Predict'. */
  type?: string;
  /** Module (attribute) name; defaults to `predict` / `cot` style names by type. */
  name?: string;
  demos?: Demo[];
  config?: ModuleConfig;
}

const DEFAULT_NAMES: Record<string, string> = { Predict: 'predict', ChainOfThought: 'cot' };

/**
 * The graph of a one-module program: Input → module → Output, every signature input bound
 * from the Input node and every signature output bound to the Output node.
 */
export function graphFromSignature(signature: Signature, options: SingleModuleOptions = {}): ProgramGraph {
  const type = options.type ?? 'Predict';
  if (!getModuleType(type)) throw new Error(`unknown module type '${type}'`);
  const name = options.name ?? DEFAULT_NAMES[type] ?? 'program';
  const edges: GraphEdge[] = [
    ...signature.inputs.map((f) => ({ id: `in-${f.name}`, source: 'input', sourceField: f.name, target: 'm1', targetField: f.name })),
    ...signature.outputs.map((f) => ({ id: `out-${f.name}`, source: 'm1', sourceField: f.name, target: 'output', targetField: f.name })),
  ];
  return {
    nodes: [
      { id: 'input', type: 'Input', fields: signature.inputs.map((f) => ({ ...f })), position: { x: 0, y: 0 } },
      { id: 'm1', type, name, signature, demos: options.demos ?? [], config: options.config ?? {}, position: { x: 280, y: 0 } },
      { id: 'output', type: 'Output', fields: signature.outputs.map((f) => ({ ...f })), position: { x: 560, y: 0 } },
    ],
    edges,
  };
}
