import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { abortError } from './abort';
import { LMError, redactSecrets, type LMErrorInit } from './errors';
import { parseRetryAfter } from './retry-after';

export interface FailureContext {
  /** What was attempted, e.g. "chat completion with gpt-4o-mini at https://…/v1". */
  what: string;
  /** The caller's signal: when it fired, any failure is an abort, whatever the SDK called it. */
  signal?: AbortSignal;
  /** Secrets that must not survive into the message (the API key). */
  secrets: ReadonlyArray<string | undefined>;
  nowMs: number;
}

/**
 * Maps whatever the SDK (or a custom `fetch`) threw to an LMError, or to an AbortError when the
 * caller aborted. The original error is deliberately not kept as `cause`: SDK errors carry the
 * provider's body, which may echo a key, and `cause` would leak it into logs and JSON.
 */
export function toLMError(error: unknown, context: FailureContext): Error {
  if (context.signal?.aborted || error instanceof APIUserAbortError) return abortError(context.signal);
  if (error instanceof LMError) return error;

  const clean = (message: string) => redactSecrets(`${context.what} failed: ${message}`, context.secrets);

  // Timeout is a subclass of connection error, so it goes first.
  if (error instanceof APIConnectionTimeoutError) {
    return new LMError(clean('the request timed out'), { kind: 'timeout' });
  }
  if (error instanceof APIConnectionError) {
    return new LMError(clean(`could not reach the server (${describeCause(error)})`), { kind: 'network' });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const init: LMErrorInit = { kind: 'http', status: error.status };
    const retryAfterMs = parseRetryAfter(error.headers, context.nowMs);
    if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs;
    return new LMError(clean(`HTTP ${error.message}`), init);
  }
  if (error instanceof SyntaxError) {
    return new LMError(clean(`the response body is not valid JSON (${error.message})`), { kind: 'malformed' });
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new LMError(clean(message), { kind: 'unknown' });
}

function describeCause(error: APIConnectionError): string {
  const cause: unknown = (error as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? nestedMessage(cause) : '';
  return causeText ? `${error.message}: ${causeText}` : error.message;
}

/** undici hides the useful part ("ECONNREFUSED") one `cause` deeper than "fetch failed". */
function nestedMessage(error: Error): string {
  const inner: unknown = (error as { cause?: unknown }).cause;
  return inner instanceof Error ? `${error.message} (${inner.message})` : error.message;
}
