/**
 * User-written JavaScript (custom metrics, ReAct tools, Code nodes) never runs in the engine's
 * own realm. The engine only sees this interface; the browser implements it with a sandboxed
 * iframe (opaque origin, CSP without network), Node with an isolated context. Both enforce the
 * time limit and turn every failure — a throw, a timeout, a blocked network call, a result that
 * is not JSON — into `{ ok: false, error }` with a message a user can act on.
 */
export interface CodeRunRequest {
  /**
   * The body of an async function. Each key of `args` is bound as a parameter of that name, so
   * `return { cleaned: text.trim() }` with `args: { text }` works. The value returned (or the
   * promise's value) must be JSON-serializable.
   */
  code: string;
  args: Record<string, unknown>;
  /** Wall-clock limit; the runner's default (2000 ms) when omitted. */
  timeoutMs?: number;
  /** Names the code in error messages, e.g. `tool 'search'` or `code node 'clean'`. */
  label?: string;
  signal?: AbortSignal;
}

export type CodeRunResult = { ok: true; value: unknown; logs?: string[] } | { ok: false; error: string; logs?: string[] };

export interface CodeRunner {
  run(request: CodeRunRequest): Promise<CodeRunResult>;
}

export const DEFAULT_CODE_TIMEOUT_MS = 2000;
