import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from './cache';
import { FakeLM, deferred, echo, waitFor } from './fake-lm';
import { createLM } from './stack';
import { UsageMeter } from './usage';
import type { LMRequest } from './types';

const ask = (content: string): LMRequest => ({ messages: [{ role: 'user', content }] });

describe('createLM', () => {
  it('serves cache hits without waiting for a slot held by a slow call', async () => {
    const gate = deferred();
    const client = new FakeLM({
      reply: async (r) => {
        if (r.messages[0]?.content === 'slow') await gate.promise;
        return echo(r);
      },
    });
    const lm = createLM({ client, cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 1 } });
    await lm.complete(ask('warm'));
    const slow = lm.complete(ask('slow'));
    await waitFor(() => client.calls === 2, 'the slow call to take the only slot');
    expect(lm.scheduler.inFlight).toBe(1);
    const hit = await lm.complete(ask('warm')); // would hang behind "slow" if the cache were below the scheduler
    expect(hit.cached).toBe(true);
    gate.resolve();
    await slow;
    expect(client.calls).toBe(2);
  });

  it('meters misses as spent and hits as saved', async () => {
    const meter = new UsageMeter({ 'fake-model': { input: 1, output: 1 } });
    const lm = createLM({ client: new FakeLM(), cacheStore: new MemoryCacheStore(), scheduler: { concurrency: 2 }, meter });
    await lm.complete(ask('one two three'));
    await lm.complete(ask('one two three'));
    const totals = meter.totals();
    expect(totals).toMatchObject({ calls: 2, cachedCalls: 1 });
    expect(totals.spent.totalTokens).toBe(6);
    expect(totals.saved.totalTokens).toBe(6);
    expect(lm.meter).toBe(meter);
  });

  it('works without a cache or a meter', async () => {
    const client = new FakeLM();
    const lm = createLM({ client, scheduler: { concurrency: 1 } });
    await lm.complete(ask('x'));
    await lm.complete(ask('x'));
    expect(client.calls).toBe(2);
    expect(lm.model).toBe('fake-model');
  });
});
