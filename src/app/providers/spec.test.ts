import { describe, expect, it } from 'vitest';
import { DEMO_PROVIDER } from './presets';
import { maskedKey, storableRecord, toProviderSpec } from './spec';

const http = { id: 'p1', name: 'Sim', baseURL: 'http://127.0.0.1:9/v1', models: ['sim-1', 'sim-small'], remember: false };

describe('provider specs', () => {
  it('sends the Demo provider to the in-page simulator without a key', () => {
    expect(toProviderSpec(DEMO_PROVIDER, undefined)).toEqual({ kind: 'demo', taskModel: 'sim-1', promptModel: 'sim-1' });
  });

  it('picks the task and prompt models separately, defaulting the prompt model to the task model', () => {
    expect(toProviderSpec({ ...http, taskModel: 'sim-small', promptModel: 'sim-1' }, 'k-1')).toEqual({ kind: 'http', baseURL: http.baseURL, taskModel: 'sim-small', promptModel: 'sim-1', apiKey: 'k-1' });
    expect(toProviderSpec(http, undefined)).toEqual({ kind: 'http', baseURL: http.baseURL, taskModel: 'sim-1', promptModel: 'sim-1' });
  });

  it('refuses a provider without models, naming it', () => {
    expect(() => toProviderSpec({ ...http, models: [] }, undefined)).toThrow("provider 'Sim' has no task model");
  });

  it('stores the key only when remember is on', () => {
    expect(storableRecord({ ...http, apiKey: 'sk-secret' }, 'sk-secret')).not.toHaveProperty('apiKey');
    expect(storableRecord({ ...http, remember: true }, 'sk-secret').apiKey).toBe('sk-secret');
  });

  it('masks a key without revealing any of it', () => {
    expect(maskedKey('sk-secret-1234')).not.toMatch(/[a-z0-9]/i);
    expect(maskedKey(undefined)).toBe('no key');
  });
});
