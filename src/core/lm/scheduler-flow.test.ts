import { describe, expect, it } from 'vitest';
import { FakeLM, deferred, echo, waitFor } from './fake-lm';
import { LMError } from './errors';
import { createAdaptiveLimit, createPauseGate, withFlowControl } from './scheduler-flow';
import { withScheduler } from './scheduler';
import type { LMRequest } from './types';

const ask = (content = 'q'): LMRequest => ({ messages: [{ role: 'user', content }] });
const rateLimited = () => new LMError('429 slow down', { kind: 'http', status: 429, retryAfterMs: 0 });
const noSleep = () => Promise.resolve();

describe('createAdaptiveLimit', () => {
  it('halves once per storm, never below the floor, and creeps back up on success', async () => {
    const limit = createAdaptiveLimit({ max: 8 });
    // Eight calls admitted together all hit 429: one storm, one cut.
    const storm = await Promise.all(Array.from({ length: 8 }, () => limit.acquire()));
    for (const t of storm) t.rateLimited();
    for (const t of storm) t.done();
    expect(limit.limit).toBe(4);
    // Each new storm (calls admitted after the cut) halves again, down to 1 and no further.
    for (const expected of [2, 1, 1]) {
      const t = await limit.acquire();
      t.rateLimited();
      t.done();
      expect(limit.limit).toBe(expected);
    }
    // `limit` successes in a row add one slot.
    const grow: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = await limit.acquire();
      t.succeeded();
      t.done();
      grow.push(limit.limit);
    }
    expect(grow[0]).toBe(2);
    expect(Math.max(...grow)).toBe(8);
    expect(grow.every((v, i) => i === 0 || v >= (grow[i - 1] ?? 0))).toBe(true);
  });

  it('rejects a max below 1 and a floor above the max', () => {
    expect(() => createAdaptiveLimit({ max: 0 })).toThrow(/max must be a positive integer/);
    expect(() => createAdaptiveLimit({ max: 2, min: 3 })).toThrow(/min must be an integer/);
  });
});

describe('withFlowControl', () => {
  it('lowers the calls in flight during a 429 storm, then recovers, and every call succeeds', async () => {
    let stormy = true;
    const lm = new FakeLM({
      latencyMs: 2,
      reply: (r) => {
        if (stormy && lm.active > 2) throw rateLimited();
        return echo(r);
      },
    });
    const limit = createAdaptiveLimit({ max: 8 });
    const flow = withFlowControl(lm, { limit, sleep: noSleep, maxRateLimitRetries: 50 });
    const scheduled = withScheduler(flow, { concurrency: 8, maxRetries: 0 });
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => scheduled.complete(ask(`a${i}`))));
    expect(first).toHaveLength(40);
    expect(limit.limit).toBeLessThan(8);
    stormy = false;
    await Promise.all(Array.from({ length: 200 }, (_, i) => scheduled.complete(ask(`b${i}`))));
    expect(limit.limit).toBe(8);
  });

  it('passes other errors to the scheduler untouched, and gives up on 429s after its own retries', async () => {
    const lm = new FakeLM({ reply: () => { throw new LMError('boom', { kind: 'http', status: 500 }); } });
    const flow = withFlowControl(lm, { limit: createAdaptiveLimit({ max: 2 }), sleep: noSleep });
    await expect(flow.complete(ask())).rejects.toThrow('boom');
    expect(lm.calls).toBe(1);
    const always429 = new FakeLM({ reply: () => { throw rateLimited(); } });
    await expect(withFlowControl(always429, { sleep: noSleep, maxRateLimitRetries: 3 }).complete(ask())).rejects.toThrow('429');
    expect(always429.calls).toBe(4);
  });

  it('holds calls while paused, waits out network errors while offline without spending retries, and resumes', async () => {
    const gate = createPauseGate();
    let online = true;
    const lm = new FakeLM({
      reply: (r) => {
        if (!online) throw new LMError('fetch failed', { kind: 'network' });
        return echo(r);
      },
    });
    const flow = withFlowControl(lm, { gate, sleep: noSleep });
    // A call in flight when the network drops: its network error is waited out, not thrown.
    online = false;
    gate.pause();
    const pending = flow.complete(ask('x'));
    await new Promise((r) => setTimeout(r, 20));
    expect(lm.calls).toBe(0);
    const late = flow.complete(ask('y'));
    online = true;
    gate.resume();
    const [a, b] = await Promise.all([pending, late]);
    expect(a.texts).toEqual(['x']);
    expect(b.texts).toEqual(['y']);

    // Offline detected only after the request failed: the failure is retried once the gate reopens.
    const release = deferred();
    const lm2 = new FakeLM({
      reply: async (r, call) => {
        if (call === 0) {
          gate.pause();
          throw new LMError('fetch failed', { kind: 'network' });
        }
        await release.promise;
        return echo(r);
      },
    });
    const again = withFlowControl(lm2, { gate, sleep: noSleep }).complete(ask('z'));
    await waitFor(() => lm2.calls === 1 && gate.paused, 'the first attempt to fail');
    gate.resume();
    release.resolve();
    expect((await again).texts).toEqual(['z']);
    expect(lm2.calls).toBe(2);
  });

  it('stops waiting on a closed gate when the call is aborted', async () => {
    const gate = createPauseGate(true);
    const flow = withFlowControl(new FakeLM(), { gate });
    const controller = new AbortController();
    const pending = flow.complete({ ...ask(), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
