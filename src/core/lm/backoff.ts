export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retry` (0 = the first retry): "full jitter", a uniform draw in
 * [0, min(max, base * 2^retry)), which spreads a crowd of failing callers better than a fixed
 * exponential. A server's Retry-After is a floor, not a suggestion: we wait at least that long,
 * plus up to one base delay so callers told the same instant do not all return at once.
 */
export function backoffDelay(
  retry: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  if (retryAfterMs !== undefined) return retryAfterMs + random() * Math.min(policy.baseDelayMs, ceiling);
  return random() * ceiling;
}
