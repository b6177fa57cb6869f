import type { Demo, Field, Signature } from '../signature/types';
import type { Usage } from '../lm/types';
import type { LMCallRecord } from '../adapters/types';

export type { LMCallRecord };

export interface InputNode {
  id: string;
  type: 'Input';
  /** The dataset's input fields, offered to modules through edges. */
  fields: Field[];
  position?: { x: number; y: number };
}

export interface OutputNode {
  id: string;
  type: 'Output';
  /** The program's outputs; metrics compare these to the example's labels. */
  fields: Field[];
  position?: { x: number; y: number };
}

export interface ModuleConfig {
  /** Model override for this module's predictors. */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  [key: string]: unknown;
}

export interface ModuleNode {
  id: string;
  /** A module type id from the registry: 'Predict', 'ChainOfThought', ... */
  type: string;
  /** A Python identifier: the attribute name in the exported DSPy module. */
  name: string;
  /** The user's signature (ChainOfThought adds `reasoning` itself). */
  signature: Signature;
  demos?: Demo[];
  config: ModuleConfig;
  position?: { x: number; y: number };
}

export type GraphNode = InputNode | OutputNode | ModuleNode;

/** Binds one output field of `source` to one input field of `target`. */
export interface GraphEdge {
  id: string;
  source: string;
  sourceField: string;
  target: string;
  targetField: string;
}

export interface ProgramGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The only thing optimizers change. */
export interface PredictorState {
  signature: Signature;
  demos: Demo[];
  /** A model for this predictor alone (a fine-tuned one, from BootstrapFinetune); overrides the node's config.model. */
  model?: string;
}

/** Predictor state keyed by DSPy predictor name (`add`, `qa.predict`, ...). */
export type ProgramState = Record<string, PredictorState>;

export interface TraceStep {
  /** DSPy predictor name. */
  predictor: string;
  nodeId: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Every LM request made for this step (a chat attempt, then maybe the JSON fallback). */
  calls: LMCallRecord[];
  error?: string;
  /** A step that was not an LM call: a ReAct tool call, a Code node run, a retrieval. */
  action?: TraceAction;
}

/** What a non-LM trace step did, shown step by step in the trace inspector. */
export type TraceAction =
  | { kind: 'tool'; name: string; args: unknown; result?: unknown; error?: string; elapsedMs?: number }
  | { kind: 'code'; result?: unknown; error?: string; elapsedMs?: number }
  | { kind: 'retrieve'; query: string; passages: { text: string; id?: string; score?: number }[] };

export type Trace = TraceStep[];

export interface Prediction {
  outputs: Record<string, unknown>;
  trace: Trace;
  usage: Usage;
  /** Usage the cache saved. */
  savedUsage: Usage;
  /** Set when the program failed on this example: a scored failure, never a crash. */
  error?: string;
}

export function isModuleNode(node: GraphNode): node is ModuleNode {
  return node.type !== 'Input' && node.type !== 'Output';
}

export function isInputNode(node: GraphNode): node is InputNode {
  return node.type === 'Input';
}

export function isOutputNode(node: GraphNode): node is OutputNode {
  return node.type === 'Output';
}
