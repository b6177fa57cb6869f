import { describe, expect, it } from 'vitest';
import { FakeLM } from './fake-lm';
import { LOCAL_PRICE } from './prices';
import type { LMResponse, Usage } from './types';
import { UsageMeter, withUsage } from './usage';

const tokens = (prompt: number, completion: number): Usage => ({
  promptTokens: prompt,
  completionTokens: completion,
  totalTokens: prompt + completion,
});

describe('UsageMeter', () => {
  it('keeps what was spent apart from what cache hits saved', () => {
    const meter = new UsageMeter({ 'gpt-4o-mini': { input: 0.15, output: 0.6 } });
    meter.record('gpt-4o-mini', tokens(1_000_000, 0), false);
    meter.record('gpt-4o-mini', tokens(0, 1_000_000), false);
    meter.record('gpt-4o-mini', tokens(2_000_000, 0), true);
    const totals = meter.totals();
    expect(totals.calls).toBe(3);
    expect(totals.cachedCalls).toBe(1);
    expect(totals.spent).toEqual({ ...tokens(1_000_000, 1_000_000), cost: 0.75 });
    expect(totals.saved).toEqual({ ...tokens(2_000_000, 0), cost: 0.3 });
    expect(totals.unpricedModels).toEqual([]);
  });

  it('keeps embedding requests apart as their own kind, while the totals and per-model figures cover both', () => {
    const meter = new UsageMeter({ 'gpt-4o-mini': { input: 0.15, output: 0.6 }, 'text-embedding-3-small': { input: 0.02, output: 0 } });
    meter.record('gpt-4o-mini', tokens(1_000_000, 0), false);
    meter.record('text-embedding-3-small', tokens(1_000_000, 0), false, 'embedding');
    meter.record('text-embedding-3-small', tokens(500_000, 0), true, 'embedding');
    expect(meter.totals('embedding')).toMatchObject({ calls: 2, cachedCalls: 1, spent: { ...tokens(1_000_000, 0), cost: 0.02 }, saved: { ...tokens(500_000, 0), cost: 0.01 } });
    expect(meter.totals('lm')).toMatchObject({ calls: 1, spent: { ...tokens(1_000_000, 0), cost: 0.15 } });
    expect(meter.totals()).toMatchObject({ calls: 3, spent: tokens(2_000_000, 0) });
    expect(meter.totals().spent.cost).toBeCloseTo(0.17, 12);
    expect(Object.keys(meter.byModel())).toEqual(['gpt-4o-mini', 'text-embedding-3-small']);
    // A model used both ways is one entry per model, and unpriced once.
    meter.record('mystery', tokens(5, 0), false);
    meter.record('mystery', tokens(5, 0), false, 'embedding');
    expect(meter.byModel()['mystery']).toMatchObject({ calls: 2, spent: { totalTokens: 10, cost: undefined } });
    expect(meter.totals().unpricedModels).toEqual(['mystery']);
  });

  it('reports an unknown cost, not zero, when a model has no price', () => {
    const meter = new UsageMeter({ known: { input: 1, output: 1 } });
    meter.record('known', tokens(10, 10), false);
    meter.record('mystery-model', tokens(10, 10), false);
    const totals = meter.totals();
    expect(totals.spent.cost).toBeUndefined();
    expect(totals.spent.totalTokens).toBe(40);
    expect(totals.saved.cost).toBe(0); // nothing saved, so nothing unknown about it
    expect(totals.unpricedModels).toEqual(['mystery-model']);
    expect(meter.byModel()['known']?.spent.cost).toBeCloseTo(0.00002);
  });

  it('re-prices everything when a price is edited, and counts local models as free', () => {
    const meter = new UsageMeter({});
    meter.record('llama3.2:3b', tokens(500, 500), false);
    expect(meter.totals().spent.cost).toBeUndefined();
    meter.setPrice('llama3.2:3b', LOCAL_PRICE);
    expect(meter.totals().spent.cost).toBe(0);
    meter.setPrice('llama3.2:3b', { input: 2, output: 4 });
    expect(meter.totals().spent.cost).toBeCloseTo(0.003);
  });

  it('resets', () => {
    const meter = new UsageMeter();
    meter.record('gpt-4o', tokens(1, 1), false);
    meter.reset();
    expect(meter.totals()).toMatchObject({ calls: 0, cachedCalls: 0, spent: { totalTokens: 0, cost: 0 } });
  });
});

describe('withUsage', () => {
  it('records misses as spent and hits as saved, under the model that answered', async () => {
    const replies: LMResponse[] = [
      { texts: ['a'], model: 'gpt-4o-mini-2024-07-18', usage: tokens(100, 10), cached: false, latencyMs: 1 },
      { texts: ['a'], model: 'gpt-4o-mini-2024-07-18', usage: tokens(100, 10), cached: true, latencyMs: 0 },
    ];
    const meter = new UsageMeter();
    const lm = withUsage(new FakeLM({ reply: (_r, call) => replies[call] as LMResponse }), meter);
    await lm.complete({ messages: [] });
    await lm.complete({ messages: [] });
    const totals = meter.totals();
    expect(totals).toMatchObject({ calls: 2, cachedCalls: 1, spent: tokens(100, 10), saved: tokens(100, 10) });
    expect(totals.spent.cost).toBeCloseTo((100 * 0.15 + 10 * 0.6) / 1e6, 12);
  });

  it('records nothing for a failed call', async () => {
    const meter = new UsageMeter();
    const lm = withUsage(new FakeLM({ reply: () => Promise.reject(new Error('down')) }), meter);
    await expect(lm.complete({ messages: [] })).rejects.toThrow('down');
    expect(meter.totals().calls).toBe(0);
  });
});
