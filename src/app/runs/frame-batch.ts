/**
 * Collects items and hands them over together once per animation frame, so a burst of run
 * events (hundreds a second at 0 ms latency) costs one store update and one render per frame.
 * A hidden tab gets no frames; a timer stands in so its events still land within `fallbackMs`.
 */
export interface FrameBatch<T> {
  push(item: T): void;
  /** Hands over what is pending now (before a state change that must see every event). */
  flush(): void;
  /** Forgets what is pending. */
  clear(): void;
}

export interface FrameScheduler {
  request(run: () => void): () => void;
}

const hasFrames = () => typeof requestAnimationFrame === 'function';

const browserScheduler = (fallbackMs: number): FrameScheduler => ({
  request(run) {
    let done = false;
    const stop = () => {
      done = true;
      if (hasFrames()) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    const once = () => {
      if (done) return;
      stop();
      run();
    };
    const frame = hasFrames() ? requestAnimationFrame(once) : 0;
    const timer = setTimeout(once, fallbackMs);
    return stop;
  },
});

export function frameBatch<T>(deliver: (items: T[]) => void, scheduler: FrameScheduler = browserScheduler(200)): FrameBatch<T> {
  let pending: T[] = [];
  let cancel: (() => void) | undefined;
  const flush = () => {
    cancel?.();
    cancel = undefined;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    deliver(items);
  };
  return {
    push(item) {
      pending.push(item);
      cancel ??= scheduler.request(flush);
    },
    flush,
    clear() {
      cancel?.();
      cancel = undefined;
      pending = [];
    },
  };
}
