import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the store modules (the "asked once" flag is per page), with a fake navigator.storage. */
async function setUp(persisted: boolean, grant: boolean) {
  vi.resetModules();
  const persist = vi.fn(async () => grant);
  vi.stubGlobal('navigator', { storage: { persisted: vi.fn(async () => persisted), persist, estimate: async () => ({ usage: 5, quota: 100 }) } });
  const { useProjectStore } = await import('../state/project-store');
  const { persistAfterFirstSave, useStorageStore } = await import('./storage-store');
  const stop = persistAfterFirstSave();
  const save = async () => {
    useProjectStore.getState().setSaveStatus('pending');
    useProjectStore.getState().setSaveStatus('saved');
    await vi.waitFor(() => expect(useStorageStore.getState().persistence).toBeDefined());
  };
  return { persist, stop, save, useStorageStore, useProjectStore };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// The first test pays for importing the store modules fresh (vi.resetModules): allow for a slow machine.
describe('persistent storage', { timeout: 60_000 }, () => {
  it('is asked for once, after the first save that worked, and a refusal is recorded', async () => {
    const { persist, stop, save, useStorageStore, useProjectStore } = await setUp(false, false);
    expect(persist).not.toHaveBeenCalled();
    useProjectStore.getState().setSaveStatus('failed'); // a failed save is not "something worth keeping" yet
    expect(persist).not.toHaveBeenCalled();
    await save();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(useStorageStore.getState().persistence).toBe('best-effort');
    await save();
    expect(persist).toHaveBeenCalledTimes(1);
    stop();
  });

  it('is not asked for again when the browser already keeps the data', async () => {
    const { persist, stop, save, useStorageStore } = await setUp(true, true);
    await save();
    expect(persist).not.toHaveBeenCalled();
    expect(useStorageStore.getState().persistence).toBe('persisted');
    stop();
  });

  it('refresh reads persistence, usage and the LM cache', async () => {
    const { stop, useStorageStore } = await setUp(false, true);
    await useStorageStore.getState().refresh();
    expect(useStorageStore.getState()).toMatchObject({ persistence: 'best-effort', estimate: { usage: 5, quota: 100, fraction: 0.05 }, cache: { entries: 0, bytes: 0 } });
    await useStorageStore.getState().askPersistence();
    expect(useStorageStore.getState().persistence).toBe('persisted');
    stop();
  });
});
