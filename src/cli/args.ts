import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a missing value is a UsageError naming it. */
export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function numberFlag(value: string | undefined, name: string, { min = -Infinity, max = Infinity, integer = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const kind = integer ? 'a whole number' : 'a number';
    const range = Number.isFinite(min) || Number.isFinite(max) ? ` from ${min} to ${max}` : '';
    throw new UsageError(`--${name} takes ${kind}${range}, not '${value}'`);
  }
  return n;
}

export function requireFlag<T>(value: T | undefined, name: string, hint = ''): T {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required${hint ? ` (${hint})` : ''}`);
  return value;
}

/** Parses a JSON flag value, naming the flag when it is not valid JSON. */
export function jsonFlag(value: string, name: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new UsageError(`--${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
