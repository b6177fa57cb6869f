import { parseFieldType } from '../signature/field-type';
import type { TypeSpec } from '../signature/field-type';
import { SignatureError } from '../signature/errors';
import type { Field, Signature } from '../signature/types';

export interface ResolvedField extends Field {
  spec: TypeSpec;
}

/** A signature whose field types have been parsed once, for formatting and parsing. */
export interface ResolvedSignature {
  instructions: string;
  inputs: ResolvedField[];
  outputs: ResolvedField[];
}

/** Parses every field type; throws `SignatureError` naming the field whose type is bad. */
export function resolveSignature(signature: Signature): ResolvedSignature {
  const resolve = (field: Field): ResolvedField => {
    try {
      return { ...field, spec: parseFieldType(field.type) };
    } catch (error) {
      if (error instanceof SignatureError) throw new SignatureError(`field '${field.name}' has type '${field.type}': ${error.reason}`);
      throw error;
    }
  };
  return { instructions: signature.instructions, inputs: signature.inputs.map(resolve), outputs: signature.outputs.map(resolve) };
}

/** A value counts as given when its key is present and not `undefined` (JSON cannot say undefined). */
export function has(values: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(values, name) && values[name] !== undefined;
}
