import { describe, expect, it } from 'vitest';
import { LMError, defaultRetryable, isRetryableStatus, redactSecrets } from './errors';
import { parseRetryAfter } from './retry-after';

describe('LMError', () => {
  it('is retryable for 408, 409, 429 and 5xx only', () => {
    const retryable = [408, 409, 429, 500, 502, 503, 504, 599];
    const final = [400, 401, 403, 404, 422];
    for (const status of retryable) expect(isRetryableStatus(status), String(status)).toBe(true);
    for (const status of final) expect(isRetryableStatus(status), String(status)).toBe(false);
  });

  it('derives retryable from the kind unless told', () => {
    expect(defaultRetryable('network', undefined)).toBe(true);
    expect(defaultRetryable('timeout', undefined)).toBe(true);
    expect(defaultRetryable('malformed', undefined)).toBe(true);
    expect(defaultRetryable('unknown', undefined)).toBe(false);
    expect(new LMError('x', { kind: 'http', status: 503 }).retryable).toBe(true);
    expect(new LMError('x', { kind: 'http', status: 503, retryable: false }).retryable).toBe(false);
  });

  it('is named LMError and keeps its fields through withMessage', () => {
    const error = new LMError('slow down', { kind: 'http', status: 429, retryAfterMs: 1500 });
    const renamed = error.withMessage('slow down (gave up)');
    expect(renamed).toBeInstanceOf(LMError);
    expect(renamed.name).toBe('LMError');
    expect(renamed).toMatchObject({ message: 'slow down (gave up)', kind: 'http', status: 429, retryAfterMs: 1500, retryable: true });
  });
});

describe('redactSecrets', () => {
  it('removes the given secret and anything shaped like a provider key', () => {
    const text = 'bad key sk-proj-ABCDEFGHIJKLMNOP and gsk_abcdefghijklmnopqr and my-own-secret-1234, Bearer abc.def';
    const out = redactSecrets(text, ['my-own-secret-1234']);
    expect(out).not.toContain('sk-proj-ABCDEFGHIJKLMNOP');
    expect(out).not.toContain('gsk_abcdefghijklmnopqr');
    expect(out).not.toContain('my-own-secret-1234');
    expect(out).not.toContain('abc.def');
    expect(out).toContain('bad key [redacted]');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const headers = (h: Record<string, string>) => new Headers(h);

  it('prefers retry-after-ms', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it('reads retry-after as seconds, fractional too', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
  });

  it('reads retry-after as an HTTP date, clamping the past to 0', () => {
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
  });

  it('ignores absent, negative and garbled values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after-ms': '-5' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after-ms': 'x', 'retry-after': '1' }), now)).toBe(1000);
  });
});
