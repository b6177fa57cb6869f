import { runPredictor } from '../adapters/predict';
import type { LM, Usage } from '../lm/types';
import type { Demo, Signature } from '../signature/types';
import { ZERO_USAGE, addUsage } from '../lm/types';
import { topologicalOrder } from './graph';
import { getModuleType } from './modules/registry';
import type { ModuleRun, ModuleType, PredictCallOptions } from './modules/types';
import { ModuleError } from './modules/types';
import type { ProgramServices } from './services';
import { predictorName } from './state';
import type { ModuleNode, Prediction, ProgramGraph, ProgramState, TraceStep } from './types';
import { isModuleNode } from './types';
import { assertValidGraph } from './validate';

export interface ExecuteOptions {
  lm: LM;
  signal?: AbortSignal;
  /** Fresh-sample id for every call of this run (bootstrapping rounds, BestOfN, SIMBA). */
  rolloutId?: number;
  /** Overrides every module's temperature for this run. */
  temperature?: number;
  /** Retrievers and the code sandbox, for modules that need them. */
  services?: ProgramServices;
}

interface Binding {
  field: string;
  source: string;
  sourceField: string;
}

interface Step {
  node: ModuleNode;
  type: ModuleType;
  bindings: Binding[];
}

export interface CompiledProgram {
  readonly graph: ProgramGraph;
  run(state: ProgramState, inputs: Record<string, unknown>, options: ExecuteOptions): Promise<Prediction>;
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** Validates once and precomputes the order and bindings, so running many examples is cheap. */
export function compileProgram(graph: ProgramGraph): CompiledProgram {
  assertValidGraph(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const bindingsOf = (id: string): Binding[] =>
    graph.edges.filter((e) => e.target === id).map((e) => ({ field: e.targetField, source: e.source, sourceField: e.sourceField }));
  const steps: Step[] = [];
  for (const id of topologicalOrder(graph).order) {
    const node = byId.get(id);
    if (!node || !isModuleNode(node)) continue;
    steps.push({ node, type: getModuleType(node.type) as ModuleType, bindings: bindingsOf(id) });
  }
  const output = graph.nodes.find((n) => n.type === 'Output');
  const outputBindings = output ? bindingsOf(output.id) : [];
  const inputId = graph.nodes.find((n) => n.type === 'Input')?.id;

  return {
    graph,
    async run(state, inputs, options) {
      const values = new Map<string, Record<string, unknown>>();
      if (inputId) values.set(inputId, inputs);
      const trace: TraceStep[] = [];
      const gather = (bindings: Binding[], where: string): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        for (const b of bindings) {
          const value = values.get(b.source)?.[b.sourceField];
          if (value === undefined) {
            throw new ModuleError(b.source === inputId ? `the example has no value for input '${b.sourceField}'` : `no value for '${b.field}' of ${where}`, b.source);
          }
          out[b.field] = value;
        }
        return out;
      };
      try {
        for (const step of steps) {
          const run = moduleRun(step.node, state, options, trace);
          const outputs = await step.type.forward(run, gather(step.bindings, `'${step.node.name}'`));
          values.set(step.node.id, outputs);
        }
        return { outputs: gather(outputBindings, 'the Output node'), trace, ...totals(trace) };
      } catch (error) {
        if (isAbort(error, options.signal)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        return { outputs: {}, trace, ...totals(trace), error: message };
      }
    },
  };
}

function totals(trace: TraceStep[]): { usage: Usage; savedUsage: Usage } {
  let usage: Usage = ZERO_USAGE;
  let savedUsage: Usage = ZERO_USAGE;
  for (const step of trace) {
    for (const call of step.calls) {
      if (call.cached) savedUsage = addUsage(savedUsage, call.usage);
      else usage = addUsage(usage, call.usage);
    }
  }
  return { usage, savedUsage };
}

const HINT_FIELD = { name: 'hint_', type: 'str', desc: 'A hint to the module from an earlier run' } as const;

function moduleRun(node: ModuleNode, state: ProgramState, options: ExecuteOptions, trace: TraceStep[]): ModuleRun {
  const call = async (name: string, signature: Signature, demos: Demo[], model: string | undefined, inputs: Record<string, unknown>, opts?: PredictCallOptions) => {
    const hinted = opts?.hint === undefined ? { signature, inputs } : { signature: { ...signature, inputs: [...signature.inputs, { ...HINT_FIELD }] }, inputs: { ...inputs, hint_: opts.hint } };
    const result = await runPredictor(options.lm, hinted.signature, demos, hinted.inputs, {
      model: model ?? node.config.model,
      maxTokens: node.config.maxTokens,
      temperature: opts?.temperature ?? options.temperature ?? node.config.temperature,
      n: opts?.n,
      rolloutId: opts?.rolloutId ?? options.rolloutId,
      signal: options.signal,
    });
    trace.push({ predictor: name, nodeId: node.id, inputs: hinted.inputs, outputs: result.outputs ?? {}, calls: result.calls, error: result.error });
    if (result.error || !result.outputs) throw new ModuleError(`${name}: ${result.error ?? 'no outputs'}`, node.id, name);
    return result.completions ?? [result.outputs];
  };
  const stateCall = (path: string, inputs: Record<string, unknown>, opts?: PredictCallOptions) => {
    const name = predictorName(node, path);
    const predictor = state[name];
    if (!predictor) throw new ModuleError(`no state for predictor '${name}'`, node.id, name);
    return call(name, predictor.signature, predictor.demos, predictor.model, inputs, opts);
  };
  return {
    node,
    signal: options.signal,
    services: options.services ?? {},
    rolloutId: options.rolloutId,
    async predict(path, inputs, opts) {
      return (await stateCall(path, inputs, opts))[0] as Record<string, unknown>;
    },
    predictMany: stateCall,
    predictAdHoc: (label, signature, inputs, opts) => call(label, signature, [], undefined, inputs, opts),
    record(step) {
      trace.push({ predictor: node.name, nodeId: node.id, inputs: step.inputs, outputs: step.outputs ?? {}, calls: [], action: step.action, ...(step.error ? { error: step.error } : {}) });
    },
    traceLength: () => trace.length,
    rename(from, to, label) {
      for (const step of trace.slice(from, to)) step.predictor = label(step.predictor);
    },
  };
}

/** Runs the graph once on one example's inputs. For many examples, compile once and reuse. */
export function execute(graph: ProgramGraph, state: ProgramState, inputs: Record<string, unknown>, options: ExecuteOptions): Promise<Prediction> {
  return compileProgram(graph).run(state, inputs, options);
}
