import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { providers, settings } from '../../db';
import { DEMO_PROVIDER_ID } from './presets';
import { activeProviderSpec, useProviderStore } from './store';

const record = (id: string, remember: boolean) => ({ id, name: `Provider ${id}`, baseURL: 'http://127.0.0.1:9/v1', models: ['m-1'], remember });

beforeEach(async () => {
  for (const p of await providers.list()) await providers.remove(p.id);
  await settings.remove('activeProviderId');
  useProviderStore.setState({ saved: [], sessionKeys: {}, activeId: DEMO_PROVIDER_ID, loaded: false });
});

describe('provider store', () => {
  it('starts on the Demo provider, which needs no key', () => {
    expect(activeProviderSpec()).toEqual({ kind: 'demo', taskModel: 'sim-1', promptModel: 'sim-1' });
  });

  it('keeps a key it must not remember in memory only, and still sends it to the worker', async () => {
    await useProviderStore.getState().save(record('a', false), 'sk-memory-only');
    expect((await providers.get('a'))?.apiKey).toBeUndefined();
    expect(activeProviderSpec()).toMatchObject({ kind: 'http', apiKey: 'sk-memory-only', taskModel: 'm-1' });
    // A reload loses the key but keeps the provider and the choice of it.
    useProviderStore.setState({ saved: [], sessionKeys: {}, activeId: DEMO_PROVIDER_ID, loaded: false });
    await useProviderStore.getState().load();
    expect(useProviderStore.getState().activeId).toBe('a');
    expect(activeProviderSpec()).not.toHaveProperty('apiKey');
  });

  it('stores a key when asked to remember it', async () => {
    await useProviderStore.getState().save(record('b', true), 'sk-remembered');
    expect((await providers.get('b'))?.apiKey).toBe('sk-remembered');
    expect(useProviderStore.getState().sessionKeys).toEqual({});
  });

  it('falls back to Demo when the active provider is removed', async () => {
    await useProviderStore.getState().save(record('c', false), undefined);
    await useProviderStore.getState().remove('c');
    expect(useProviderStore.getState().activeId).toBe(DEMO_PROVIDER_ID);
    expect(await providers.list()).toEqual([]);
  });
});
