import { SignatureError } from './errors';
import { formatFieldType, tryParseFieldType } from './field-type';
import { fieldNameProblem } from './identifier';
import type { Field, Signature } from './types';

type Named = string | Pick<Field, 'name'>;

/** DSPy's default instructions: ``Given the fields `a`, `b`, produce the fields `sum`.`` */
export function defaultInstructions(inputs: readonly Named[], outputs: readonly Named[]): string {
  const list = (fields: readonly Named[]) => fields.map((f) => `\`${typeof f === 'string' ? f : f.name}\``).join(', ');
  return `Given the fields ${list(inputs)}, produce the fields ${list(outputs)}.`;
}

export type FieldInput = string | (Omit<Field, 'type'> & { type?: string });

export interface SignatureInput {
  inputs: readonly FieldInput[];
  outputs: readonly FieldInput[];
  /** Defaults to `defaultInstructions(inputs, outputs)`. */
  instructions?: string;
}

/**
 * Builds a signature from field names or fields (untyped = `str`), checking what DSPy checks.
 * Types are stored in canonical spelling. Throws `SignatureError` naming the field at fault.
 */
export function makeSignature(input: SignatureInput): Signature {
  const toField = (f: FieldInput): Field => {
    const field: Field = typeof f === 'string' ? { name: f, type: 'str' } : { ...f, type: f.type ?? 'str' };
    const parsed = tryParseFieldType(field.type);
    if (parsed.ok) field.type = formatFieldType(parsed.spec);
    return field;
  };
  const inputs = input.inputs.map(toField);
  const outputs = input.outputs.map(toField);
  const signature = { instructions: input.instructions ?? defaultInstructions(inputs, outputs), inputs, outputs };
  const [problem] = signatureProblems(signature);
  if (problem) throw new SignatureError(problem);
  return signature;
}

/** Everything DSPy would reject in a signature, one sentence each, naming the field. */
export function signatureProblems(signature: Pick<Signature, 'inputs' | 'outputs'>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, 'input' | 'output'>();
  const check = (field: Field, role: 'input' | 'output') => {
    const nameProblem = fieldNameProblem(field.name);
    if (nameProblem) problems.push(`${role} field: ${nameProblem}`);
    const earlier = seen.get(field.name);
    if (earlier === role) problems.push(`duplicate ${role} field '${field.name}'`);
    else if (earlier) problems.push(`'${field.name}' is both an input and an output`);
    seen.set(field.name, role);
    const parsed = tryParseFieldType(field.type);
    if (!parsed.ok) problems.push(`field '${field.name}': ${parsed.error.reason}`);
  };
  for (const field of signature.inputs) check(field, 'input');
  for (const field of signature.outputs) check(field, 'output');
  return problems;
}

/** A copy with new instructions (DSPy's `with_instructions`). */
export function withInstructions(signature: Signature, instructions: string): Signature {
  return { ...signature, inputs: [...signature.inputs], outputs: [...signature.outputs], instructions };
}

/**
 * A copy with `field` inserted among the inputs or outputs at `index` (negative counts from the
 * end, -1 = last). Instructions are kept, as DSPy's `insert`/`prepend`/`append` keep them: a
 * ChainOfThought's extra `reasoning` output does not change the default sentence.
 */
export function insertField(signature: Signature, role: 'input' | 'output', index: number, field: Field): Signature {
  const list = role === 'input' ? signature.inputs : signature.outputs;
  const at = index < 0 ? list.length + 1 + index : index;
  if (at < 0 || at > list.length) throw new SignatureError(`index ${index} is out of range for the ${role} fields`);
  const next = [...list.slice(0, at), field, ...list.slice(at)];
  const result = role === 'input' ? { ...signature, inputs: next, outputs: [...signature.outputs] } : { ...signature, inputs: [...signature.inputs], outputs: next };
  const [problem] = signatureProblems(result);
  if (problem) throw new SignatureError(problem);
  return result;
}

export function prependField(signature: Signature, role: 'input' | 'output', field: Field): Signature {
  return insertField(signature, role, 0, field);
}

export function appendField(signature: Signature, role: 'input' | 'output', field: Field): Signature {
  return insertField(signature, role, -1, field);
}

/** A copy without the field `name` (input or output); instructions are kept. */
export function deleteField(signature: Signature, name: string): Signature {
  return {
    instructions: signature.instructions,
    inputs: signature.inputs.filter((f) => f.name !== name),
    outputs: signature.outputs.filter((f) => f.name !== name),
  };
}
