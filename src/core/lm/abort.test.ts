import { describe, expect, it } from 'vitest';
import { abortError, abortableSleep, linkSignals, onAbort, raceAbort } from './abort';

describe('abort helpers', () => {
  it('sleeps at least the requested time by the monotonic clock', async () => {
    for (const ms of [1, 5, 20]) {
      const started = performance.now();
      await abortableSleep(ms);
      expect(performance.now() - started).toBeGreaterThanOrEqual(ms);
    }
  });

  it('stops sleeping as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names every abort AbortError, keeping an AbortError reason as is', () => {
    const plain = new AbortController();
    plain.abort();
    expect(abortError(plain.signal)).toBe(plain.signal.reason);
    const custom = new AbortController();
    custom.abort(new Error('user pressed stop'));
    expect(abortError(custom.signal)).toMatchObject({ name: 'AbortError', message: 'The LM call was aborted: user pressed stop' });
    expect(abortError()).toMatchObject({ name: 'AbortError' });
  });

  it('races a promise that ignores the signal', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);
    const raced = raceAbort(never, controller.signal);
    controller.abort();
    await expect(raced).rejects.toMatchObject({ name: 'AbortError' });
    await expect(raceAbort(Promise.resolve(7), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(raceAbort(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });

  it('links signals and detaches from the parent when disposed', () => {
    const parent = new AbortController();
    const { controller, dispose } = linkSignals(parent.signal);
    dispose();
    parent.abort();
    expect(controller.signal.aborted).toBe(false);
    const second = linkSignals(new AbortController().signal, parent.signal);
    expect(second.controller.signal.aborted).toBe(true);
  });
});

describe('onAbort', () => {
  it('serves any number of subscribers from one listener, and unsubscribes', () => {
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    const fired: number[] = [];
    const offs = Array.from({ length: 50 }, (_, i) => onAbort(controller.signal, () => fired.push(i)));
    offs[3]?.();
    controller.abort();
    expect(listeners).toBe(1);
    expect(fired).toHaveLength(49);
    expect(fired).not.toContain(3);
  });
});
