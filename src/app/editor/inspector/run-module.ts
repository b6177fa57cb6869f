import { graphFromSignature } from '../../../core/program/build';
import { execute } from '../../../core/program/execute';
import { programState } from '../../../core/program/state';
import type { ProgramServices } from '../../../core/program/services';
import type { ModuleNode, Prediction } from '../../../core/program/types';
import type { LM } from '../../../core/lm/types';
import { coerceValue } from '../../../core/signature';
import type { Field } from '../../../core/signature/types';

export type ParsedInputs = { ok: true; values: Record<string, unknown> } | { ok: false; error: string };

/** Typed-in text read as each field's type ("3" for an int is 3); the first misfit is named. */
export function parseInputs(fields: Field[], texts: Record<string, string>): ParsedInputs {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const result = coerceValue(texts[field.name] ?? '', field.type, field.name);
    if (!result.ok) return { ok: false, error: result.message };
    values[field.name] = result.value;
  }
  return { ok: true, values };
}

/**
 * Runs one module on its own: the module wrapped as Input → module → Output, so its demos,
 * config and DSPy prompt are exactly what it gets inside the program.
 */
export function runModuleAlone(node: ModuleNode, inputs: Record<string, unknown>, lm: LM, signal?: AbortSignal, services?: ProgramServices): Promise<Prediction> {
  const graph = graphFromSignature(node.signature, { type: node.type, name: node.name, demos: node.demos ?? [], config: node.config });
  return execute(graph, programState(graph), inputs, { lm, signal, services });
}
