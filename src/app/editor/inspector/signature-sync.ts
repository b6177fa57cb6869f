import { defaultInstructions, parseSignature, SignatureError } from '../../../core/signature';
import type { Field, Signature } from '../../../core/signature/types';

export type SignatureTextResult = { ok: true; signature: Signature } | { ok: false; error: string };

/**
 * Instructions the user never wrote (DSPy's default sentence) follow the fields; written ones
 * are kept as they are.
 */
function instructionsFor(old: Signature, inputs: Field[], outputs: Field[]): string {
  return old.instructions === defaultInstructions(old.inputs, old.outputs) ? defaultInstructions(inputs, outputs) : old.instructions;
}

/** Descriptions survive a rewrite of the one-line form for fields that keep their name. */
function keepDescriptions(fields: Field[], old: Field[]): Field[] {
  const byName = new Map(old.map((f) => [f.name, f]));
  return fields.map((f) => {
    const desc = byName.get(f.name)?.desc;
    return desc === undefined ? f : { ...f, desc };
  });
}

/** The one-line form applied to a signature; a malformed line returns the parser's message and changes nothing. */
export function applySignatureText(old: Signature, text: string): SignatureTextResult {
  let parsed: Signature;
  try {
    parsed = parseSignature(text);
  } catch (error) {
    if (error instanceof SignatureError) return { ok: false, error: error.message };
    throw error;
  }
  const inputs = keepDescriptions(parsed.inputs, old.inputs);
  const outputs = keepDescriptions(parsed.outputs, old.outputs);
  return { ok: true, signature: { instructions: instructionsFor(old, inputs, outputs), inputs, outputs } };
}

export function withFields(old: Signature, role: 'inputs' | 'outputs', fields: Field[]): Signature {
  const inputs = role === 'inputs' ? fields : old.inputs;
  const outputs = role === 'outputs' ? fields : old.outputs;
  return { instructions: instructionsFor(old, inputs, outputs), inputs, outputs };
}
