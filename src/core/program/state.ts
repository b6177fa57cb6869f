import { topologicalOrder } from './graph';
import { getModuleType } from './modules/registry';
import type { PredictorSpec } from './modules/types';
import type { Demo } from '../signature/types';
import type { ModuleNode, ProgramGraph, ProgramState } from './types';
import { isModuleNode } from './types';

export interface NamedPredictor {
  /** DSPy's `named_predictors()` name: `add`, `qa.predict`, ... */
  name: string;
  node: ModuleNode;
  spec: PredictorSpec;
}

export function predictorName(node: ModuleNode, path: string): string {
  return path === '' ? node.name : `${node.name}.${path}`;
}

/**
 * The program's predictors in DSPy's order. DSPy walks module attributes in assignment order;
 * the exported Python module assigns them in topological order (ties: canvas list order), so
 * the same order is used here and in the JSON export.
 */
export function namedPredictors(graph: ProgramGraph): NamedPredictor[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { order, cyclic } = topologicalOrder(graph);
  const out: NamedPredictor[] = [];
  for (const id of [...order, ...cyclic]) {
    const node = byId.get(id);
    if (!node || !isModuleNode(node)) continue;
    const type = getModuleType(node.type);
    if (!type) continue;
    for (const spec of type.predictors(node)) out.push({ name: predictorName(node, spec.path), node, spec });
  }
  return out;
}

/** The state a graph starts from: each predictor's signature and the node's demos. */
export function programState(graph: ProgramGraph): ProgramState {
  const state: ProgramState = {};
  for (const p of namedPredictors(graph)) {
    if (p.spec.separate) {
      const saved = separateStates(p.node)[p.spec.path];
      const signature = saved ? { ...p.spec.signature, instructions: saved.instructions } : p.spec.signature;
      state[p.name] = { signature, demos: saved?.demos ?? [] };
    } else {
      state[p.name] = { signature: p.spec.signature, demos: p.node.demos ?? [] };
    }
  }
  return state;
}

/** Saved state of a node's `separate` predictors (ReAct's `react`), keyed by path. */
export interface SeparatePredictorState {
  instructions: string;
  demos: Demo[];
}

export function separateStates(node: ModuleNode): Record<string, SeparatePredictorState> {
  const saved = node.config.predictorStates;
  return typeof saved === 'object' && saved !== null ? (saved as Record<string, SeparatePredictorState>) : {};
}

/**
 * Writes optimized state back into the graph's nodes (instructions and demos), for "Apply to
 * graph". Returns a new graph; the input is left alone.
 */
export function applyState(graph: ProgramGraph, state: ProgramState): ProgramGraph {
  const updates = new Map<string, Partial<ModuleNode>>();
  for (const p of namedPredictors(graph)) {
    const s = state[p.name];
    if (!s) continue;
    if (p.spec.separate) {
      const node = { ...p.node, ...updates.get(p.node.id) } as ModuleNode;
      const predictorStates = { ...separateStates(node), [p.spec.path]: { instructions: s.signature.instructions, demos: s.demos } };
      updates.set(p.node.id, { ...updates.get(p.node.id), config: { ...node.config, predictorStates } });
      continue;
    }
    const prior = updates.get(p.node.id);
    const config = prior?.config ?? p.node.config;
    updates.set(p.node.id, {
      ...prior,
      signature: { ...p.node.signature, instructions: s.signature.instructions },
      demos: s.demos,
      ...(s.model ? { config: { ...config, model: s.model } } : prior?.config ? { config } : {}),
    });
  }
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (isModuleNode(n) && updates.has(n.id) ? { ...n, ...updates.get(n.id) } : n)),
  };
}
