import type { z } from 'zod';
import type { Field, Signature } from '../../signature/types';
import type { ProgramServices } from '../services';
import type { ModuleNode } from '../types';

/** One predictor a module holds. `path` is its attribute path inside the module ('' = itself). */
export interface PredictorSpec {
  path: string;
  signature: Signature;
}

export interface PredictCallOptions {
  temperature?: number;
  n?: number;
  rolloutId?: number;
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
  /** The predictors held, in the order DSPy's `named_predictors()` lists them. */
  predictors(node: ModuleNode): PredictorSpec[];
  /** Ports on the canvas: what edges may bind. */
  ports(node: ModuleNode): { inputs: Field[]; outputs: Field[] };
  forward(run: ModuleRun, inputs: Record<string, unknown>): Promise<Record<string, unknown>>;
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
