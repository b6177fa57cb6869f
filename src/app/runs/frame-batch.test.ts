import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameBatch, type FrameScheduler } from './frame-batch';

/** A scheduler the test drives: `tick()` is the next animation frame. */
function manualFrames() {
  let queued: (() => void)[] = [];
  const scheduler: FrameScheduler = {
    request(run) {
      queued.push(run);
      return () => {
        queued = queued.filter((r) => r !== run);
      };
    },
  };
  const tick = () => {
    const now = queued;
    queued = [];
    for (const run of now) run();
  };
  return { scheduler, tick, pending: () => queued.length };
}

describe('frameBatch', () => {
  afterEach(() => vi.useRealTimers());

  it('delivers everything pushed within a frame in one call, in order, and asks for one frame per batch', () => {
    const frames = manualFrames();
    const delivered: number[][] = [];
    const batch = frameBatch<number>((items) => delivered.push(items), frames.scheduler);
    for (let i = 0; i < 500; i++) batch.push(i);
    expect(frames.pending()).toBe(1);
    expect(delivered).toEqual([]);
    frames.tick();
    expect(delivered).toEqual([Array.from({ length: 500 }, (_, i) => i)]);
    batch.push(500);
    frames.tick();
    expect(delivered).toEqual([Array.from({ length: 500 }, (_, i) => i), [500]]);
    frames.tick();
    expect(delivered).toHaveLength(2);
  });

  it('flush hands over at once and cancels the frame; clear drops what is pending', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames.scheduler);
    batch.push('a');
    batch.flush();
    expect(delivered).toEqual([['a']]);
    expect(frames.pending()).toBe(0);
    batch.push('b');
    batch.clear();
    frames.tick();
    batch.flush();
    expect(delivered).toEqual([['a']]);
  });

  it('without animation frames (a hidden tab, node) the timer fallback still delivers', () => {
    vi.useFakeTimers();
    const delivered: number[][] = [];
    const batch = frameBatch<number>((items) => delivered.push(items));
    batch.push(1);
    batch.push(2);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(delivered).toEqual([[1, 2]]);
  });
});
