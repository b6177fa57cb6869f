import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES } from '../core/lm/prices';
import { pricesFor } from './clients';

describe('pricesFor', () => {
  it('prices the Demo provider and local servers at zero', () => {
    expect(pricesFor({ kind: 'demo', taskModel: 'sim-1' })['sim-1']).toEqual({ input: 0, output: 0 });
    expect(pricesFor({ kind: 'http', baseURL: 'http://localhost:11434/v1', taskModel: 'llama3', promptModel: 'qwen' })['qwen']).toEqual({ input: 0, output: 0 });
    expect(pricesFor({ kind: 'demo', taskModel: 'sim-1' })['text-embedding-3-small']).toEqual({ input: 0, output: 0 });
  });

  it('keeps the published prices for a hosted provider', () => {
    expect(pricesFor({ kind: 'http', baseURL: 'https://api.openai.com/v1', taskModel: 'gpt-4o-mini' })).toBe(DEFAULT_PRICES);
  });
});
