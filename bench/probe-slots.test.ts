import { describe, expect, it } from 'vitest';
import { createSlotProbe, summarize } from './probe-slots';

describe('slot probe', () => {
  it('splits wall × concurrency into call time and idle slot time, and finds the handoff gaps', () => {
    // Two slots, 100 ms calls: slot A runs 0–100 and 103–203; slot B runs 0–100 and 150–250.
    const calls = [
      { start: 0, end: 100 },
      { start: 0, end: 100 },
      { start: 103, end: 203 },
      { start: 150, end: 250 },
    ];
    const r = summarize(calls, [], 2, 100);
    expect(r).toMatchObject({ calls: 4, spanMs: 250, busyMs: 400, meanCallMs: 100, overheadMs: 0, callPart: 1 });
    // Idle: both slots 100–103 (6), one slot 103–150 (47), one slot 203–250 (47).
    expect(r.idleMs).toBeCloseTo(100, 6);
    expect(r.idlePart).toBeCloseTo(0.25, 6);
    expect(r.busyMs + r.idleMs).toBeCloseTo(r.spanMs * 2, 6);
    expect(r.handoffs).toMatchObject({ count: 2, medianMs: 50, maxMs: 50, over5ms: 1, sumMs: 53 });
    expect(r.idleByTenth.reduce((a, b) => a + b, 0)).toBeCloseTo(r.idleMs, 6);
  });

  it('times calls through the wrapped LM and fetch, and starts afresh on reset', async () => {
    let t = 0;
    const probe = createSlotProbe(1, 10, () => t);
    const lm = probe.wrap({ model: 'm', complete: async () => ((t += 12), { texts: ['x'], model: 'm', usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, cached: false, latencyMs: 12 }) });
    const fetch = probe.wrapFetch(async () => ((t += 11), new Response('ok')));
    await lm.complete({ messages: [] });
    await fetch('http://x');
    expect(probe.report()).toMatchObject({ calls: 1, meanCallMs: 12, meanFetchMs: 11, overheadMs: 2 });
    probe.reset();
    expect(probe.report().calls).toBe(0);
  });
});
