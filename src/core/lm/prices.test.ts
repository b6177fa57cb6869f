import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, costOf, isLocalBaseURL, priceOf } from './prices';

const usage = { promptTokens: 2_000, completionTokens: 1_000, totalTokens: 3_000 };

describe('prices', () => {
  it('prices per million input and output tokens', () => {
    expect(costOf('gpt-4o', usage)).toBeCloseTo((2_000 * 2.5 + 1_000 * 10) / 1e6, 12);
    expect(costOf('custom', usage, { custom: { input: 1, output: 3 } })).toBeCloseTo(0.005, 12);
  });

  it('covers the common OpenAI models', () => {
    const models = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini'];
    for (const model of models) expect(priceOf(model), model).toBeDefined();
  });

  it('prices dated snapshots like their alias', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
  });

  it('returns undefined, not 0, for an unknown model (and does not find Object.prototype)', () => {
    expect(costOf('some-new-model', usage)).toBeUndefined();
    expect(costOf('constructor', usage)).toBeUndefined();
  });

  it('recognises local endpoints', () => {
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:8788/v1', 'http://[::1]:1234/v1', 'http://192.168.1.5/v1', 'http://box.local/v1']) {
      expect(isLocalBaseURL(url), url).toBe(true);
    }
    for (const url of ['https://api.openai.com/v1', 'https://openrouter.ai/api/v1', 'not a url', 'http://172.32.0.1/v1']) {
      expect(isLocalBaseURL(url), url).toBe(false);
    }
  });
});
