import type { CodeRunRequest, CodeRunResult } from './types';
import { DEFAULT_CODE_TIMEOUT_MS } from './types';

/** What a runner evaluates: the source of an async function and its arguments, as data only. */
export interface CodeScript {
  /** `(async function (gold, pred) {\n<code>\n})`: evaluating it yields the function. */
  source: string;
  /** The parameter names, in the order the arguments are passed. */
  params: string[];
  /** The arguments as one JSON text, parsed inside the sandbox so no host object crosses in. */
  argsJson: string;
  timeoutMs: number;
  label: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval').split(' '),
);

/** How error messages name the code when the request gives no label. */
export const DEFAULT_CODE_LABEL = 'code';

export function codeLabel(request: Pick<CodeRunRequest, 'label'>): string {
  return request.label?.trim() || DEFAULT_CODE_LABEL;
}

/**
 * Turns a request into what a runner evaluates. Throws (with the label) when an argument name is
 * not a usable parameter name or the arguments are not JSON; runners turn that into `ok: false`.
 */
export function buildCodeScript(request: CodeRunRequest): CodeScript {
  const label = codeLabel(request);
  if (typeof request.code !== 'string') throw new Error('the code must be text');
  const params = Object.keys(request.args);
  for (const name of params) {
    if (!IDENTIFIER.test(name) || RESERVED.has(name)) throw new Error(`'${name}' cannot be a parameter name`);
  }
  let argsJson: string;
  try {
    argsJson = JSON.stringify(params.map((name) => request.args[name]));
  } catch (error) {
    throw new Error(`its arguments are not JSON (${errorText(error)})`, { cause: error });
  }
  // The code starts on a line of its own, so a syntax error's line number is the user's line + 1.
  const source = `(async function (${params.join(', ')}) {\n${request.code}\n})`;
  return { source, params, argsJson, timeoutMs: timeoutOf(request), label };
}

export function timeoutOf(request: Pick<CodeRunRequest, 'timeoutMs'>): number {
  const ms = request.timeoutMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_CODE_TIMEOUT_MS;
}

export function timeoutMessage(label: string, timeoutMs: number): string {
  return `${label} timed out after ${timeoutMs} ms`;
}

export function abortedMessage(label: string): string {
  return `${label} was cancelled`;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

/** A failure named after its code: `tool 'search' failed: x is not defined`. */
export function failure(label: string, error: unknown, logs?: string[]): CodeRunResult {
  const text = errorText(error);
  const message = text.startsWith(label) ? text : `${label} failed: ${text}`;
  return { ok: false, error: message, ...(logs && logs.length > 0 ? { logs } : {}) };
}

/**
 * The value a run may return, checked: JSON-serializable (functions, symbols, cycles, BigInt are
 * refused); `undefined` stays `undefined` (the code returned nothing).
 */
export function normalizeValue(label: string, value: unknown, logs?: string[]): CodeRunResult {
  if (value === undefined) return { ok: true, value: undefined, ...(logs && logs.length > 0 ? { logs } : {}) };
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    return failure(label, `its result is not JSON (${errorText(error)})`, logs);
  }
  if (json === undefined) return failure(label, `its result is not JSON (a ${typeof value})`, logs);
  return { ok: true, value: JSON.parse(json) as unknown, ...(logs && logs.length > 0 ? { logs } : {}) };
}

/** One console line as text, the way a person reads it. */
export function logLine(values: readonly unknown[]): string {
  return values
    .map((v) => {
      if (typeof v === 'string') return v;
      try {
        return JSON.stringify(v) ?? String(v);
      } catch {
        return String(v);
      }
    })
    .join(' ');
}

/** At most this many console lines are kept per run, so a chatty loop cannot flood memory. */
export const MAX_LOG_LINES = 100;

/**
 * The label and script for `request`, or the result to give at once: the code does not build,
 * or the run was cancelled before it started.
 */
export function prepareRun(request: CodeRunRequest): { label: string; script: CodeScript } | { result: CodeRunResult } {
  const label = codeLabel(request);
  let script: CodeScript;
  try {
    script = buildCodeScript(request);
  } catch (error) {
    return { result: failure(label, error) };
  }
  if (request.signal?.aborted) return { result: { ok: false, error: abortedMessage(label) } };
  return { label, script };
}
