import { parseFieldType } from '../signature/field-type';
import type { TypeSpec } from '../signature/field-type';
import { SignatureError } from '../signature/errors';
import type { Field, Signature } from '../signature/types';

export interface ResolvedField extends Field {
  spec: TypeSpec;
}

/** A signature whose field types have been parsed once, for formatting and parsing. */
export interface ResolvedSignature {
  readonly instructions: string;
  readonly inputs: readonly ResolvedField[];
  readonly outputs: readonly ResolvedField[];
}

interface Remembered {
  instructions: string;
  fields: Array<readonly [string, string, string | undefined]>;
  inputCount: number;
  resolved: ResolvedSignature;
}

const remembered = new WeakMap<Signature, Remembered>();

/**
 * Parses every field type; throws `SignatureError` naming the field whose type is bad.
 *
 * Every LM call formats and parses through the resolved form, and a predictor's signature is
 * the same object for a whole evaluation, so the result is remembered per signature object. It
 * is handed out again only while the signature still holds the same instructions and fields
 * (compared each time, cheaply: the strings are usually the very same), so a signature edited
 * in place is resolved afresh. The result is frozen: it is shared.
 */
export function resolveSignature(signature: Signature): ResolvedSignature {
  const known = remembered.get(signature);
  if (known && unchanged(known, signature)) return known.resolved;
  const resolved = resolveFresh(signature);
  const fields = [...signature.inputs, ...signature.outputs].map((f) => [f.name, f.type, f.desc] as const);
  remembered.set(signature, { instructions: signature.instructions, fields, inputCount: signature.inputs.length, resolved });
  return resolved;
}

function unchanged(known: Remembered, signature: Signature): boolean {
  if (known.instructions !== signature.instructions || known.inputCount !== signature.inputs.length) return false;
  if (known.fields.length !== signature.inputs.length + signature.outputs.length) return false;
  for (let i = 0; i < known.fields.length; i++) {
    const field = i < known.inputCount ? signature.inputs[i] : signature.outputs[i - known.inputCount];
    const [name, type, desc] = known.fields[i] as readonly [string, string, string | undefined];
    if (!field || field.name !== name || field.type !== type || field.desc !== desc) return false;
  }
  return true;
}

function resolveFresh(signature: Signature): ResolvedSignature {
  const resolve = (field: Field): ResolvedField => {
    try {
      return { ...field, spec: parseFieldType(field.type) };
    } catch (error) {
      if (error instanceof SignatureError) throw new SignatureError(`field '${field.name}' has type '${field.type}': ${error.reason}`);
      throw error;
    }
  };
  const inputs = Object.freeze(signature.inputs.map((f) => Object.freeze(resolve(f))));
  const outputs = Object.freeze(signature.outputs.map((f) => Object.freeze(resolve(f))));
  return Object.freeze({ instructions: signature.instructions, inputs, outputs });
}

/** A value counts as given when its key is present and not `undefined` (JSON cannot say undefined). */
export function has(values: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(values, name) && values[name] !== undefined;
}
