import { defaultInstructions } from '../signature/build';
import type { Field, Signature } from '../signature/types';
import { nodeLabel, portsOf, topologicalOrder } from './graph';
import { typesCompatible } from './validate';
import { applyState } from './state';
import type { GraphEdge, GraphNode, ModuleConfig, ModuleNode, ProgramGraph, ProgramState } from './types';
import { isModuleNode } from './types';

type Position = { x: number; y: number };

/** The patchable parts of a module node; `id` and `type` never change after creation. */
export interface ModulePatch {
  name?: string;
  signature?: Signature;
  config?: ModuleConfig;
}

/**
 * Every change the editor makes to a graph, as data (STYLE.md 4): undo/redo, autosave and tests
 * all consume these. Run state never appears here.
 */
export type GraphEdit =
  | { type: 'addNodes'; nodes: GraphNode[]; edges?: GraphEdge[] }
  /** Removes the nodes, every edge touching them, and the listed edges: one step for a Delete key press. */
  | { type: 'removeNodes'; ids: string[]; edgeIds?: string[] }
  | { type: 'moveNodes'; moves: { id: string; position: Position }[] }
  | { type: 'connect'; edge: GraphEdge }
  | { type: 'disconnect'; ids: string[] }
  | { type: 'updateModule'; id: string; patch: ModulePatch }
  | { type: 'setFields'; id: string; fields: Field[] }
  /**
   * Renames one field and re-points the edges bound to it, so a rename keeps the wiring. `side`
   * is the port side: a module's signature inputs are 'input'; the Input node's fields are 'output'.
   */
  | { type: 'renameField'; id: string; side: 'input' | 'output'; from: string; to: string }
  | { type: 'applyState'; state: ProgramState };

/** An edit that cannot apply to this graph at all (a missing node, a taken id). */
export class GraphEditError extends Error {
  override readonly name = 'GraphEditError';
}

function findNode(graph: ProgramGraph, id: string, edit: GraphEdit['type']): GraphNode {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new GraphEditError(`${edit}: no node with id '${id}'`);
  return node;
}

function addNodes(graph: ProgramGraph, nodes: GraphNode[], edges: GraphEdge[]): ProgramGraph {
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of nodes) {
    if (ids.has(node.id)) throw new GraphEditError(`addNodes: a node with id '${node.id}' already exists`);
    ids.add(node.id);
  }
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) throw new GraphEditError(`addNodes: an edge with id '${edge.id}' already exists`);
    if (!ids.has(edge.source) || !ids.has(edge.target)) throw new GraphEditError(`addNodes: edge '${edge.id}' points at a missing node`);
    edgeIds.add(edge.id);
  }
  return { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] };
}

function removeNodes(graph: ProgramGraph, ids: string[], edgeIds: string[]): ProgramGraph {
  const gone = new Set(ids);
  const cut = new Set(edgeIds);
  return {
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target) && !cut.has(e.id)),
  };
}

function moveNodes(graph: ProgramGraph, moves: { id: string; position: Position }[]): ProgramGraph {
  const to = new Map(moves.map((m) => [m.id, m.position]));
  return { ...graph, nodes: graph.nodes.map((n) => { const p = to.get(n.id); return p ? { ...n, position: { ...p } } : n; }) };
}

function connect(graph: ProgramGraph, edge: GraphEdge): ProgramGraph {
  const reason = connectionProblem(graph, edge);
  if (reason) throw new GraphEditError(`connect: ${reason}`);
  return { ...graph, edges: [...graph.edges, edge] };
}

function updateModule(graph: ProgramGraph, id: string, patch: ModulePatch): ProgramGraph {
  const node = findNode(graph, id, 'updateModule');
  if (!isModuleNode(node)) throw new GraphEditError(`updateModule: ${nodeLabel(node)} is not a module`);
  const next: ModuleNode = { ...node, ...patch, config: patch.config ? { ...patch.config } : node.config };
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? next : n)) };
}

function setFields(graph: ProgramGraph, id: string, fields: Field[]): ProgramGraph {
  const node = findNode(graph, id, 'setFields');
  if (isModuleNode(node)) throw new GraphEditError(`setFields: ${nodeLabel(node)} is a module; edit its signature instead`);
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...node, fields: fields.map((f) => ({ ...f })) } : n)) };
}

function renameIn(fields: Field[], from: string, to: string): Field[] {
  return fields.map((f) => (f.name === from ? { ...f, name: to } : f));
}

function renameSignatureField(signature: Signature, side: 'input' | 'output', from: string, to: string): Signature {
  const inputs = side === 'input' ? renameIn(signature.inputs, from, to) : signature.inputs;
  const outputs = side === 'output' ? renameIn(signature.outputs, from, to) : signature.outputs;
  // DSPy's default sentence names the fields: it follows a rename; written instructions do not change.
  const isDefault = signature.instructions === defaultInstructions(signature.inputs, signature.outputs);
  return { instructions: isDefault ? defaultInstructions(inputs, outputs) : signature.instructions, inputs, outputs };
}

function renameField(graph: ProgramGraph, id: string, side: 'input' | 'output', from: string, to: string): ProgramGraph {
  const node = findNode(graph, id, 'renameField');
  // A module's own fields only: ChainOfThought's `reasoning` is the module's, not the user's.
  const own = isModuleNode(node) ? node.signature[side === 'input' ? 'inputs' : 'outputs'] : side === 'input' ? portsOf(node).inputs : portsOf(node).outputs;
  if (!own.some((f) => f.name === from)) throw new GraphEditError(`renameField: ${nodeLabel(node)} has no ${side} field '${from}'`);
  if (own.some((f) => f.name === to)) throw new GraphEditError(`renameField: ${nodeLabel(node)} already has a ${side} field '${to}'`);
  const next: GraphNode = isModuleNode(node)
    ? { ...node, signature: renameSignatureField(node.signature, side, from, to) }
    : { ...node, fields: renameIn(node.fields, from, to) };
  const edges = graph.edges.map((e) => {
    if (side === 'input' && e.target === id && e.targetField === from) return { ...e, targetField: to };
    if (side === 'output' && e.source === id && e.sourceField === from) return { ...e, sourceField: to };
    return e;
  });
  return { nodes: graph.nodes.map((n) => (n.id === id ? next : n)), edges };
}

/** Applies one edit and returns a new graph; the input is never changed. Throws `GraphEditError`. */
export function applyGraphEdit(graph: ProgramGraph, edit: GraphEdit): ProgramGraph {
  switch (edit.type) {
    case 'addNodes':
      return addNodes(graph, edit.nodes, edit.edges ?? []);
    case 'removeNodes':
      return removeNodes(graph, edit.ids, edit.edgeIds ?? []);
    case 'moveNodes':
      return moveNodes(graph, edit.moves);
    case 'connect':
      return connect(graph, edit.edge);
    case 'disconnect': {
      const gone = new Set(edit.ids);
      return { ...graph, edges: graph.edges.filter((e) => !gone.has(e.id)) };
    }
    case 'updateModule':
      return updateModule(graph, edit.id, edit.patch);
    case 'setFields':
      return setFields(graph, edit.id, edit.fields);
    case 'renameField':
      return renameField(graph, edit.id, edit.side, edit.from, edit.to);
    case 'applyState':
      return applyState(graph, edit.state);
    default: {
      const unknown: never = edit;
      throw new GraphEditError(`unknown graph edit ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Why the canvas must refuse this edge, in words for the user; undefined when it may be drawn.
 * The same checks `validateGraph` makes, asked before the edge exists rather than after.
 */
export function connectionProblem(graph: ProgramGraph, edge: Omit<GraphEdge, 'id'>): string | undefined {
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  if (!source || !target) return `no node with id '${source ? edge.target : edge.source}'`;
  if (source.id === target.id) return `${nodeLabel(source)} cannot feed itself`;
  const from = portsOf(source).outputs.find((f) => f.name === edge.sourceField);
  if (!from) return `${nodeLabel(source)} has no output field '${edge.sourceField}'`;
  const to = portsOf(target).inputs.find((f) => f.name === edge.targetField);
  if (!to) return `${nodeLabel(target)} has no input field '${edge.targetField}'`;
  if (!typesCompatible(from.type, to.type)) {
    return `type mismatch: ${nodeLabel(source)}.${from.name} is ${from.type} but ${nodeLabel(target)}.${to.name} expects ${to.type}`;
  }
  if (graph.edges.some((e) => e.target === edge.target && e.targetField === edge.targetField)) {
    return `${nodeLabel(target)}.${to.name} is already connected; an input takes one edge`;
  }
  const trial: ProgramGraph = { ...graph, edges: [...graph.edges, { ...edge, id: '\u0000trial' }] };
  if (topologicalOrder(trial).cyclic.length > 0) return `${nodeLabel(source)} → ${nodeLabel(target)} would make a cycle`;
  return undefined;
}
