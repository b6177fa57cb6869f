import { isIdentifier } from '../signature';
import type { Field, FieldType } from '../signature/types';
import { nodeLabel, portsOf, topologicalOrder } from './graph';
import { getModuleType } from './modules/registry';
import type { ModuleType } from './modules/types';
import type { GraphNode, ModuleNode, ProgramGraph } from './types';
import { isModuleNode } from './types';

export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

const compact = (type: FieldType) => type.replace(/\s+/g, '');

/** Whether a value of type `from` may feed a field of type `to`. Anything renders as `str`. */
export function typesCompatible(from: FieldType, to: FieldType): boolean {
  const a = compact(from);
  const b = compact(to);
  if (a === b || b === 'str') return true;
  if (a === 'int' && b === 'float') return true;
  const optional = /^Optional\[(.*)\]$/.exec(b) ?? /^(.*)\|None$/.exec(b);
  if (optional?.[1]) return typesCompatible(from, optional[1]);
  return false;
}

function checkFields(node: GraphNode, fields: Field[], role: string, out: Problem[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    if (!isIdentifier(f.name)) {
      out.push({ severity: 'error', nodeId: node.id, field: f.name, message: `${nodeLabel(node)}: ${role} field '${f.name}' is not a Python identifier` });
    }
    if (seen.has(f.name)) {
      out.push({ severity: 'error', nodeId: node.id, field: f.name, message: `${nodeLabel(node)}: duplicate ${role} field '${f.name}'` });
    }
    seen.add(f.name);
  }
}

/** A node's settings checked against its type's schema and checks: "Retrieve 'search': k must be ≥ 1". */
export function configProblems(type: ModuleType, node: ModuleNode): string[] {
  const where = `${type.id} ${nodeLabel(node)}`;
  const out: string[] = [];
  const parsed = type.configSchema?.safeParse(node.config);
  for (const issue of parsed?.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    const key = String(issue.path.at(-1) ?? '');
    out.push(`${where}: ${path && !issue.message.startsWith(key) ? `${path}: ` : ''}${issue.message}`);
  }
  if (parsed?.success !== false) for (const problem of type.check?.(node) ?? []) out.push(`${where}: ${problem}`);
  return out;
}

function checkNodes(graph: ProgramGraph, out: Problem[]): void {
  const ids = new Set<string>();
  const names = new Map<string, string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) out.push({ severity: 'error', nodeId: node.id, message: `two nodes share the id '${node.id}'` });
    ids.add(node.id);
    if (!isModuleNode(node)) {
      checkFields(node, node.fields, node.type === 'Input' ? 'input' : 'output', out);
      continue;
    }
    const type = getModuleType(node.type);
    if (!type) {
      out.push({ severity: 'error', nodeId: node.id, message: `${nodeLabel(node)}: unknown module type '${node.type}'` });
    } else {
      for (const message of configProblems(type, node)) out.push({ severity: 'error', nodeId: node.id, message });
    }
    if (!isIdentifier(node.name)) {
      out.push({ severity: 'error', nodeId: node.id, message: `module name '${node.name}' is not a Python identifier` });
    } else if (names.has(node.name)) {
      out.push({ severity: 'error', nodeId: node.id, message: `two modules are named '${node.name}'; names must be unique` });
    }
    names.set(node.name, node.id);
    const { inputs, outputs } = node.signature;
    checkFields(node, inputs, 'input', out);
    checkFields(node, outputs, 'output', out);
    const inputNames = new Set(inputs.map((f) => f.name));
    for (const f of outputs) {
      if (inputNames.has(f.name)) {
        out.push({ severity: 'error', nodeId: node.id, field: f.name, message: `${nodeLabel(node)}: '${f.name}' is both an input and an output` });
      }
    }
    if (inputs.length === 0) out.push({ severity: 'error', nodeId: node.id, message: `${nodeLabel(node)} has no input fields` });
    if (outputs.length === 0) out.push({ severity: 'error', nodeId: node.id, message: `${nodeLabel(node)} has no output fields` });
  }
  for (const kind of ['Input', 'Output'] as const) {
    const count = graph.nodes.filter((n) => n.type === kind).length;
    if (count !== 1) out.push({ severity: 'error', message: `the program needs exactly one ${kind} node (found ${count})` });
  }
}

function checkEdges(graph: ProgramGraph, out: Problem[]): void {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const bound = new Map<string, string>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      out.push({ severity: 'error', edgeId: edge.id, message: `edge '${edge.id}' points at a missing node '${source ? edge.target : edge.source}'` });
      continue;
    }
    const from = portsOf(source).outputs.find((f) => f.name === edge.sourceField);
    const to = portsOf(target).inputs.find((f) => f.name === edge.targetField);
    if (!from) {
      out.push({ severity: 'error', edgeId: edge.id, nodeId: source.id, field: edge.sourceField, message: `${nodeLabel(source)} has no output field '${edge.sourceField}'` });
    }
    if (!to) {
      out.push({ severity: 'error', edgeId: edge.id, nodeId: target.id, field: edge.targetField, message: `${nodeLabel(target)} has no input field '${edge.targetField}'` });
    }
    if (from && to && !typesCompatible(from.type, to.type)) {
      out.push({
        severity: 'error', edgeId: edge.id, nodeId: target.id, field: to.name,
        message: `type mismatch: ${nodeLabel(source)}.${from.name} is ${from.type} but ${nodeLabel(target)}.${to.name} expects ${to.type}`,
      });
    }
    const key = `${edge.target}\u0000${edge.targetField}`;
    if (bound.has(key)) {
      out.push({ severity: 'error', edgeId: edge.id, nodeId: target.id, field: edge.targetField, message: `${nodeLabel(target)}.${edge.targetField} is bound twice` });
    }
    bound.set(key, edge.id);
  }
  for (const node of graph.nodes) {
    if (node.type === 'Input') continue;
    for (const f of portsOf(node).inputs) {
      if (isModuleNode(node) || node.type === 'Output') {
        if (!bound.has(`${node.id}\u0000${f.name}`)) {
          out.push({ severity: 'error', nodeId: node.id, field: f.name, message: `${nodeLabel(node)}: input '${f.name}' is not connected` });
        }
      }
    }
  }
}

function checkCycles(graph: ProgramGraph, out: Problem[]): void {
  const { cyclic } = topologicalOrder(graph);
  if (cyclic.length === 0) return;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const labels = cyclic.map((id) => { const n = byId.get(id); return n ? nodeLabel(n) : id; });
  for (const id of cyclic) {
    out.push({ severity: 'error', nodeId: id, message: `cycle: ${labels.join(', ')} feed each other; a program must be acyclic` });
  }
}

/** Every reason the graph cannot run, each naming the node and field. Empty means runnable. */
export function validateGraph(graph: ProgramGraph): Problem[] {
  const problems: Problem[] = [];
  checkNodes(graph, problems);
  checkEdges(graph, problems);
  checkCycles(graph, problems);
  return problems;
}

export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(readonly problems: Problem[]) {
    super(problems.filter((p) => p.severity === 'error').map((p) => p.message).join('\n'));
  }
}

export function assertValidGraph(graph: ProgramGraph): void {
  const errors = validateGraph(graph).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new GraphError(errors);
}
