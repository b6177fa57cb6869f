import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelay', () => {
  it('draws uniformly below a ceiling that doubles per retry up to the max', () => {
    const ceilings = [0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999999));
    expect(ceilings.map(Math.round)).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
  });

  it('never waits less than Retry-After, and jitters above it by at most one base delay', () => {
    expect(backoffDelay(0, policy, () => 0, 5_000)).toBe(5_000);
    expect(backoffDelay(4, policy, () => 0.5, 5_000)).toBe(5_050);
    expect(backoffDelay(4, policy, () => 0.999999, 5_000)).toBeLessThan(5_100);
  });
});
