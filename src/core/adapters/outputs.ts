import { AdapterParseError } from './types';
import type { AdapterName } from './types';
import type { ResolvedSignature } from './resolve';

/**
 * Puts parsed outputs in signature order; an Optional output the reply left out is None, as in
 * DSPy; any other missing output is an `AdapterParseError` naming it.
 */
export function completeOutputs(
  signature: ResolvedSignature,
  parsed: Record<string, unknown>,
  adapter: AdapterName,
  raw: string,
  expected: (name: string) => string,
): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of signature.outputs) {
    if (Object.hasOwn(parsed, field.name)) outputs[field.name] = parsed[field.name];
    else if (field.spec.kind === 'optional') outputs[field.name] = null;
    else missing.push(field.name);
  }
  const [first] = missing;
  if (first !== undefined) {
    const names = missing.map((n) => `'${n}'`).join(', ');
    const what = missing.length === 1 ? `output field ${names} is missing` : `output fields ${names} are missing`;
    throw new AdapterParseError(`${what} (expected ${missing.map(expected).join(', ')})`, adapter, raw, first);
  }
  return outputs;
}
