/**
 * How long a server asked us to wait. `retry-after-ms` (OpenAI's, more precise) wins over the
 * standard `retry-after`, which is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 */

export interface HeaderReader {
  get(name: string): string | null;
}

export function parseRetryAfter(headers: HeaderReader | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined;
  const ms = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;

  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  const seconds = parseNonNegativeNumber(raw);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(raw);
  // A date in the past means "now"; clamp rather than drop it, the server still asked for a retry.
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function parseNonNegativeNumber(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
