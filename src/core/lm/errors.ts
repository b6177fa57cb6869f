/**
 * The one error type the LM stack throws for a failed call (aborts aside, which reject with an
 * AbortError so callers can tell "the user stopped it" from "the provider failed").
 */

/** What went wrong, as far as retrying is concerned. */
export type LMErrorKind =
  /** The server answered with a non-2xx status. */
  | 'http'
  /** No response at all: DNS, refused connection, reset socket, CORS in a page. */
  | 'network'
  /** The attempt took longer than the configured timeout. */
  | 'timeout'
  /** A 2xx response whose body is not a usable completion (non-JSON, no choices). */
  | 'malformed'
  /** Anything else (a bug, an SDK precondition); never retried. */
  | 'unknown';

export interface LMErrorInit {
  kind: LMErrorKind;
  status?: number;
  retryAfterMs?: number;
  /** Defaults from the kind and status (see `defaultRetryable`). */
  retryable?: boolean;
}

export class LMError extends Error {
  override readonly name = 'LMError';
  readonly kind: LMErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(message: string, init: LMErrorInit) {
    super(message);
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable ?? defaultRetryable(init.kind, init.status);
  }

  /** The same failure with a different message (e.g. "gave up after 6 attempts"). */
  withMessage(message: string): LMError {
    const init: LMErrorInit = { kind: this.kind, retryable: this.retryable };
    if (this.status !== undefined) init.status = this.status;
    if (this.retryAfterMs !== undefined) init.retryAfterMs = this.retryAfterMs;
    return new LMError(message, init);
  }
}

export function isLMError(error: unknown): error is LMError {
  return error instanceof LMError;
}

/** 408 (request timeout), 409 (lock conflict), 429 (rate limit) and 5xx are worth another try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export function defaultRetryable(kind: LMErrorKind, status: number | undefined): boolean {
  switch (kind) {
    case 'http':
      return status !== undefined && isRetryableStatus(status);
    case 'network':
    case 'timeout':
      return true;
    case 'malformed':
      // A truncated or garbled 2xx body comes from a flaky proxy or an overloaded server far
      // more often than from a deterministic bug; the retry budget bounds the cost.
      return true;
    case 'unknown':
      return false;
    default: {
      const never: never = kind;
      throw new Error(`unhandled LMErrorKind ${String(never)}`);
    }
  }
}

const REDACTED = '[redacted]';
// Provider key shapes (OpenAI `sk-…`, Groq `gsk_…`, OpenRouter `sk-or-…`): redacted even when
// they are not the caller's key, because a provider may echo any key it was sent.
const KEY_PATTERN = /\b(?:sk|gsk|xai|pk)[-_][A-Za-z0-9_-]{12,}/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"',]+/gi;

/** Removes `secrets` (and anything shaped like an API key) from a message meant for people. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "keys" (e.g. a placeholder "x") would shred the message and guard nothing.
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out.replace(KEY_PATTERN, REDACTED).replace(BEARER_PATTERN, `$1${REDACTED}`);
}
