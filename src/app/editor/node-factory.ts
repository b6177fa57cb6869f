import { getModuleType } from '../../core/program/modules/registry';
import type { GraphNode, InputNode, ModuleNode, OutputNode, ProgramGraph } from '../../core/program/types';
import { isModuleNode } from '../../core/program/types';
import { parseSignature } from '../../core/signature';

type Position = { x: number; y: number };

/** What the palette offers: every registered module type plus the graph's own Input/Output. */
export type PaletteKind = { kind: 'module'; typeId: string } | { kind: 'Input' } | { kind: 'Output' };

const BASE_NAMES: Record<string, string> = { Predict: 'predict', ChainOfThought: 'cot' };

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** A Python identifier from the type id (`ChainOfThought` → `chain_of_thought`), unless a short name is known. */
export function baseName(typeId: string): string {
  const known = BASE_NAMES[typeId];
  if (known) return known;
  const snake = typeId.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z_]/.test(snake) ? snake : `m_${snake}`;
}

/** The first of `base`, `base_2`, `base_3`, ... no module in the graph is named yet. */
export function uniqueModuleName(graph: ProgramGraph, base: string): string {
  const taken = new Set(graph.nodes.filter(isModuleNode).map((n) => n.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function createNode(graph: ProgramGraph, item: PaletteKind, position: Position): GraphNode {
  switch (item.kind) {
    case 'module': {
      if (!getModuleType(item.typeId)) throw new Error(`unknown module type '${item.typeId}'`);
      const node: ModuleNode = {
        id: newId('m'),
        type: item.typeId,
        name: uniqueModuleName(graph, baseName(item.typeId)),
        signature: parseSignature('question -> answer'),
        demos: [],
        config: {},
        position,
      };
      return node;
    }
    case 'Input': {
      const node: InputNode = { id: newId('input'), type: 'Input', fields: [{ name: 'question', type: 'str' }], position };
      return node;
    }
    case 'Output': {
      const node: OutputNode = { id: newId('output'), type: 'Output', fields: [{ name: 'answer', type: 'str' }], position };
      return node;
    }
    default: {
      const unknown: never = item;
      throw new Error(`unknown palette item ${JSON.stringify(unknown)}`);
    }
  }
}

/** A new project's graph: an Input with `question` and an Output with `answer`, nothing between. */
export function starterGraph(): ProgramGraph {
  return {
    nodes: [
      { id: 'input', type: 'Input', fields: [{ name: 'question', type: 'str' }], position: { x: 0, y: 120 } },
      { id: 'output', type: 'Output', fields: [{ name: 'answer', type: 'str' }], position: { x: 900, y: 120 } },
    ],
    edges: [],
  };
}
