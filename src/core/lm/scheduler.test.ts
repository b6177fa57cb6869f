import { describe, expect, it } from 'vitest';
import { FakeLM, deferred, echo, waitFor } from './fake-lm';
import { LMError } from './errors';
import { withScheduler, type SchedulerOptions } from './scheduler';
import type { LMRequest } from './types';

const ask = (content = 'q'): LMRequest => ({ messages: [{ role: 'user', content }] });

/** Records backoff delays instead of waiting them out. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep: SchedulerOptions['sleep'] = (ms) => {
    delays.push(ms);
    return Promise.resolve();
  };
  return { delays, sleep };
}

/** Fails the first `failures` calls with `error`, then echoes. */
function flaky(failures: number, error: () => Error) {
  return new FakeLM({
    reply: (request, call) => {
      if (call < failures) throw error();
      return echo(request);
    },
  });
}

const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

describe('withScheduler: concurrency', () => {
  it('never runs more than the cap at once, and reaches it', async () => {
    const gate = deferred();
    const lm = new FakeLM({ reply: async (r) => (await gate.promise, echo(r)) });
    const scheduled = withScheduler(lm, { concurrency: 3 });
    const all = Array.from({ length: 20 }, (_, i) => scheduled.complete(ask(String(i))));
    await waitFor(() => lm.calls === 3, 'three calls to start');
    expect(scheduled.inFlight).toBe(3);
    expect(scheduled.queued).toBe(17);
    expect(lm.active).toBe(3);
    gate.resolve();
    await Promise.all(all);
    expect(lm.peak).toBe(3);
    expect(lm.calls).toBe(20);
    expect(scheduled.inFlight + scheduled.queued).toBe(0);
  });

  it('serves the queue in arrival order', async () => {
    const order: string[] = [];
    const lm = new FakeLM({ reply: (r) => (order.push(r.messages[0]?.content ?? ''), echo(r)) });
    const scheduled = withScheduler(lm, { concurrency: 1 });
    await Promise.all(['a', 'b', 'c', 'd'].map((c) => scheduled.complete(ask(c))));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('admits queued calls at once when the concurrency is raised', async () => {
    const gate = deferred();
    const lm = new FakeLM({ reply: async (r) => (await gate.promise, echo(r)) });
    const scheduled = withScheduler(lm, { concurrency: 1 });
    const all = Array.from({ length: 4 }, () => scheduled.complete(ask()));
    await waitFor(() => lm.calls === 1, 'the first call to start');
    expect(lm.active).toBe(1);
    scheduled.setConcurrency(3);
    await waitFor(() => lm.calls === 3, 'two more calls to start');
    expect(lm.active).toBe(3);
    expect(scheduled.concurrency).toBe(3);
    gate.resolve();
    await Promise.all(all);
    expect(() => scheduled.setConcurrency(0)).toThrow(/positive integer, got 0/);
  });
});

describe('withScheduler: retries', () => {
  it('retries retryable errors with full-jitter exponential backoff', async () => {
    const lm = flaky(3, () => new LMError('busy', { kind: 'http', status: 503 }));
    const { delays, sleep } = recordingSleep();
    const scheduled = withScheduler(lm, { concurrency: 1, baseDelayMs: 100, maxDelayMs: 300, sleep, random: () => 0.5 });
    const response = await scheduled.complete(ask());
    expect(response.texts).toEqual(['q']);
    expect(lm.calls).toBe(4);
    expect(delays).toEqual([50, 100, 150]); // half of the ceilings 100, 200, min(400, 300)
  });

  it('waits at least as long as Retry-After says', async () => {
    const lm = flaky(1, () => new LMError('slow down', { kind: 'http', status: 429, retryAfterMs: 2_000 }));
    const { delays, sleep } = recordingSleep();
    const scheduled = withScheduler(lm, { concurrency: 1, baseDelayMs: 10, sleep, random: () => 0 });
    await scheduled.complete(ask());
    expect(delays).toEqual([2_000]);
  });

  it('does not retry final errors or foreign exceptions', async () => {
    const { delays, sleep } = recordingSleep();
    const bad = flaky(1, () => new LMError('bad request', { kind: 'http', status: 400 }));
    await expect(withScheduler(bad, { concurrency: 1, sleep }).complete(ask())).rejects.toThrow('bad request');
    const bug = flaky(1, () => new TypeError('a bug'));
    await expect(withScheduler(bug, { concurrency: 1, sleep }).complete(ask())).rejects.toThrow(TypeError);
    expect(bad.calls + bug.calls).toBe(2);
    expect(delays).toEqual([]);
  });

  it('gives up after maxRetries and says how many attempts it made', async () => {
    const lm = flaky(100, () => new LMError('still down', { kind: 'http', status: 502 }));
    const { sleep } = recordingSleep();
    const error = await withScheduler(lm, { concurrency: 1, maxRetries: 2, sleep })
      .complete(ask())
      .catch((e: unknown) => e);
    expect(lm.calls).toBe(3);
    expect(error).toMatchObject({ name: 'LMError', status: 502, message: 'still down (gave up after 3 attempts)' });
  });

  it('defaults to 5 retries', async () => {
    const lm = flaky(100, () => new LMError('down', { kind: 'network' }));
    const { sleep } = recordingSleep();
    await expect(withScheduler(lm, { concurrency: 1, sleep }).complete(ask())).rejects.toThrow(/after 6 attempts/);
    expect(lm.calls).toBe(6);
  });

  it('reports each retry', async () => {
    const lm = flaky(2, () => new LMError('busy', { kind: 'http', status: 429 }));
    const seen: number[] = [];
    const { sleep } = recordingSleep();
    await withScheduler(lm, { concurrency: 1, sleep, onRetry: (e) => seen.push(e.retry) }).complete(ask());
    expect(seen).toEqual([1, 2]);
  });
});

describe('withScheduler: timeout and abort', () => {
  it('aborts an attempt that outlives timeoutMs and retries it as a timeout', async () => {
    const lm = new FakeLM({ reply: async (r, call) => (call === 0 ? new Promise(() => undefined) : echo(r)) });
    const slow = new FakeLM({ latencyMs: 10_000 });
    const { delays, sleep } = recordingSleep();
    const response = await withScheduler(lm, { concurrency: 1, timeoutMs: 30, sleep }).complete(ask());
    expect(response.texts).toEqual(['q']);
    expect(delays).toHaveLength(1);

    const error = await withScheduler(slow, { concurrency: 1, timeoutMs: 30, maxRetries: 1, sleep })
      .complete(ask())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LMError', kind: 'timeout', retryable: true });
    expect((error as Error).message).toMatch(/timed out after 30 ms.*after 2 attempts/);
    expect(slow.abortedSignals).toHaveLength(2); // each timed-out attempt's transport was aborted
  });

  it('cancels a queued call at once without ever starting it', async () => {
    const lm = new FakeLM({ latencyMs: 10_000 });
    const scheduled = withScheduler(lm, { concurrency: 1 });
    const blocker = new AbortController();
    const running = scheduled.complete({ ...ask('first'), signal: blocker.signal });
    const controller = new AbortController();
    const queued = scheduled.complete({ ...ask('second'), signal: controller.signal });
    await waitFor(() => lm.calls === 1, 'the first call to start');
    expect(scheduled.queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(scheduled.queued).toBe(0);
    expect(lm.requests.map((r) => r.messages[0]?.content)).toEqual(['first']);
    blocker.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(scheduled.inFlight).toBe(0);
  });

  it('aborts an in-flight call down to the transport and frees its slot', async () => {
    const lm = new FakeLM({ latencyMs: 10_000 });
    const scheduled = withScheduler(lm, { concurrency: 1 });
    const controller = new AbortController();
    const pending = scheduled.complete({ ...ask(), signal: controller.signal });
    await waitFor(() => lm.calls === 1, 'the call to start');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(lm.abortedSignals).toHaveLength(1);
    expect(scheduled.inFlight).toBe(0);
  });

  it('rejects promptly even when the transport ignores the signal', async () => {
    const lm = new FakeLM({ latencyMs: 10_000, ignoreAbort: true });
    const scheduled = withScheduler(lm, { concurrency: 1 });
    const controller = new AbortController();
    const pending = scheduled.complete({ ...ask(), signal: controller.signal });
    await waitFor(() => lm.calls === 1, 'the call to start');
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  it('aborts during backoff without another attempt', async () => {
    const lm = flaky(100, () => new LMError('busy', { kind: 'http', status: 429, retryAfterMs: 60_000 }));
    const scheduled = withScheduler(lm, { concurrency: 1 });
    const controller = new AbortController();
    const pending = scheduled.complete({ ...ask(), signal: controller.signal });
    await waitFor(() => lm.calls === 1, 'the first attempt');
    await tick(); // now in its 60 s backoff
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(lm.calls).toBe(1);
    expect(scheduled.inFlight).toBe(0);
  });

  it('rejects an already-aborted signal without a call', async () => {
    const lm = new FakeLM();
    const controller = new AbortController();
    controller.abort();
    await expect(withScheduler(lm, { concurrency: 1 }).complete({ ...ask(), signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(lm.calls).toBe(0);
  });
});
