import { describe, expect, it } from 'vitest';
import { DbQuotaError } from '../../db/errors';
import { approximateRowBytes, cacheText, isQuotaProblem, persistenceText, usageText } from './storage-text';

describe('storage text', () => {
  it('says what a denied persistence request means for the user', () => {
    expect(persistenceText('best-effort')).toEqual({ title: 'Not persistent', detail: expect.stringMatching(/under storage pressure it may delete .*Export projects/) });
    expect(persistenceText('persisted').title).toBe('Persistent');
    expect(persistenceText('unsupported').detail).toMatch(/cannot say/);
  });

  it('shows usage against the quota, and says so when the browser gives no estimate', () => {
    expect(usageText({ usage: 42_000_000, quota: 2_100_000_000, fraction: 42_000_000 / 2_100_000_000 })).toBe('Using 42 MB of 2.1 GB (2%)');
    expect(usageText({ usage: 1000, quota: 2_000_000_000, fraction: 5e-7 })).toBe('Using 1.0 KB of 2.0 GB (<1%)');
    expect(usageText(undefined)).toBe('Storage use: unknown in this browser');
  });

  it('counts cache entries and their approximate size', () => {
    expect(cacheText({ entries: 0, bytes: 0 })).toBe('Empty');
    expect(cacheText({ entries: 1, bytes: 2048 })).toBe('1 response, about 2.0 KB');
    expect(cacheText({ entries: 3, bytes: 3_500_000 })).toBe('3 responses, about 3.5 MB');
    expect(approximateRowBytes('ab', { t: 'x' })).toBe(2 * (2 + '{"t":"x"}'.length));
  });

  it('recognizes a full disk however the error reaches the UI, and nothing else', () => {
    const error = new DbQuotaError('save project "P"');
    expect(isQuotaProblem(error)).toBe(true);
    expect(isQuotaProblem(`Could not save the project: ${error.message}`)).toBe(true);
    expect(isQuotaProblem(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaProblem('Could not save the project: network down')).toBe(false);
    expect(isQuotaProblem(new Error('row 3 is not valid JSON'))).toBe(false);
    expect(isQuotaProblem(null)).toBe(false);
  });
});
