import { describe, expect, it } from 'vitest';
import { estimateStorage, formatBytes, persistenceState, requestPersistence } from './storage';

describe('storage helpers', () => {
  it('reports the estimate with a fraction', async () => {
    const estimate = await estimateStorage({ estimate: async () => ({ usage: 250, quota: 1000 }) });
    expect(estimate).toEqual({ usage: 250, quota: 1000, fraction: 0.25 });
  });

  it('degrades to undefined where the browser cannot say', async () => {
    expect(await estimateStorage(undefined)).toBeUndefined();
    expect(await estimateStorage({})).toBeUndefined();
    expect(await estimateStorage({ estimate: async () => ({}) })).toBeUndefined();
    expect(await estimateStorage({ estimate: async () => Promise.reject(new Error('private window')) })).toBeUndefined();
    // In Node there is no navigator.storage at all: the default path must not throw either.
    expect(await estimateStorage()).toBeUndefined();
  });

  it('reports and requests persistence, unsupported where absent', async () => {
    expect(await persistenceState({ persisted: async () => true })).toBe('persisted');
    expect(await persistenceState({ persisted: async () => false })).toBe('best-effort');
    expect(await persistenceState({})).toBe('unsupported');
    expect(await requestPersistence({ persist: async () => true })).toBe('persisted');
    expect(await requestPersistence({ persist: async () => false })).toBe('best-effort');
    expect(await requestPersistence({ persist: async () => Promise.reject(new Error('denied')) })).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });

  it('formats byte counts for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(12_345_678)).toBe('12 MB');
    expect(formatBytes(-1)).toBe('?');
  });
});
