import type { z } from 'zod';
import type { Field, Signature } from '../../signature/types';
import type { ProgramServices } from '../services';
import type { ModuleConfig, ModuleNode, TraceAction } from '../types';

/** One predictor a module holds. `path` is its attribute path inside the module ('' = itself). */
export interface PredictorSpec {
  path: string;
  signature: Signature;
  /**
   * True when the predictor's instructions and demos are not the node's own (ReAct's `react`,
   * whose instructions the module writes from the tools): they start from `signature` and no
   * demos, and "Apply to graph" keeps them in `node.config.predictorStates[path]`.
   */
  separate?: boolean;
  /** DSPy field prefixes that differ from the ones inferred from the name (MultiChainComparison's). */
  prefixes?: Record<string, string>;
}

export interface PredictCallOptions {
  temperature?: number;
  n?: number;
  rolloutId?: number;
  /** Refine's advice: sent as an extra `hint_` input, as DSPy's Refine adds it to every predictor. */
  hint?: string;
}

/** A trace step that is not an LM call: a tool call, a code run, a retrieval. */
export interface ActionRecord {
  action: TraceAction;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  error?: string;
}

/** What a module's `forward` may do: call its predictors. Everything else is the engine's job. */
export interface ModuleRun {
  readonly node: ModuleNode;
  readonly signal?: AbortSignal;
  /** The host's retrievers and code sandbox (empty when the host supplies none). */
  readonly services: ProgramServices;
  /**
   * Calls the predictor at `path` with the program state's signature and demos and records a
   * trace step. Throws `ModuleError` when the reply cannot be used.
   */
  predict(path: string, inputs: Record<string, unknown>, options?: PredictCallOptions): Promise<Record<string, unknown>>;
  /**
   * Like `predict` but returns every completion (for `n` > 1). Same state, demos and trace step.
   */
  predictMany(path: string, inputs: Record<string, unknown>, options?: PredictCallOptions): Promise<Array<Record<string, unknown>>>;
  /**
   * An LM call with a signature that is not in the program state (Refine's feedback request,
   * MultiChainComparison's attempts): no demos, traced under `label`, never optimized or exported.
   */
  predictAdHoc(label: string, signature: Signature, inputs: Record<string, unknown>, options?: PredictCallOptions): Promise<Array<Record<string, unknown>>>;
  /** Records a tool call, code run or retrieval in the trace, under the node's name. */
  record(step: ActionRecord): void;
  /** The rollout id the run started from (DSPy's `lm.kwargs["rollout_id"]`), if any. */
  readonly rolloutId?: number;
  /** The trace length so far; with `rename` a module can relabel steps it made (BestOfN's unchosen attempts). */
  traceLength(): number;
  rename(from: number, to: number, label: (predictor: string) => string): void;
}

/**
 * A module type: one file each, registered once (STYLE.md 2). The canvas, the validator, the
 * executor and the DSPy exporter all read this description; none of them switch on the id.
 */
export interface ModuleType {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** The DSPy class this module exports as, e.g. `dspy.ChainOfThought`. */
  readonly dspyClass: string;
  /**
   * The module's own settings in `node.config` beyond model/temperature/maxTokens (Retrieve's
   * `k` and `corpusId`, BestOfN's `N`, ReAct's `tools`…), with defaults and `.describe()` help.
   * The inspector builds its form from it (as the optimize dialog does from optimizer schemas)
   * and validation reports a bad value naming the node and the setting.
   */
  readonly configSchema?: z.ZodObject;
  /**
   * What a new node of this type starts with, when `question -> answer` and an empty config
   * would not be valid (Retrieve's `query -> passages: list[str]`, a reward for BestOfN…).
   */
  template?(): { signature: Signature; config: ModuleConfig };
  /** The predictors held, in the order DSPy's `named_predictors()` lists them. */
  predictors(node: ModuleNode): PredictorSpec[];
  /** Ports on the canvas: what edges may bind. */
  ports(node: ModuleNode): { inputs: Field[]; outputs: Field[] };
  forward(run: ModuleRun, inputs: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * State DSPy saves for the module when it is a parameter but not a predictor (dspy.Retrieve
   * saves `{k}`): written under the node's name in the exported JSON.
   */
  dspyState?(node: ModuleNode): Record<string, unknown>;
  /**
   * Problems beyond what `configSchema` catches (duplicate tool names, a reward field that is
   * not a port…), each a sentence about one setting; validation prefixes the node's label.
   */
  check?(node: ModuleNode): string[];
  /** How the Python export writes the module, when `dspyClass(Signature)` is not enough. */
  python?(node: ModuleNode, signatureClass: string): PythonParts;
}

/** A module's part of the exported Python source. */
export interface PythonParts {
  /** Whether a Signature class is written for the node (default true). */
  signature?: boolean;
  /** Right-hand side of `self.<name> = …` in `__init__`; undefined assigns nothing. */
  init?: string;
  /** Top-level source placed before the program class (tool and reward functions). */
  preamble?: string[];
  /** Methods of the program class (a Code node's body to port by hand), indented by 4. */
  methods?: string[];
  /** The expression in `forward` whose value becomes `<name>`; gets each bound input as `field=value`. */
  call?(args: { field: string; value: string }[]): string;
}

/** A module could not produce its outputs for this example: a scored failure, not a crash. */
export class ModuleError extends Error {
  override readonly name = 'ModuleError';
  constructor(
    message: string,
    readonly nodeId: string,
    readonly predictor?: string,
  ) {
    super(message);
  }
}
