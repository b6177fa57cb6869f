import { abortError, onAbort } from './abort';

interface Ticket {
  grant(): void;
}

/**
 * A counting semaphore with a FIFO queue whose waiters can abort. `acquire` resolves to a
 * release function; releasing twice is harmless, so `finally` blocks can always call it.
 */
export class Slots {
  private active = 0;
  private readonly waiting: Ticket[] = [];

  constructor(private limit: number) {
    assertLimit(limit);
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get concurrency(): number {
    return this.limit;
  }

  /** Raising the limit admits waiters at once; lowering it lets running calls finish. */
  setLimit(limit: number): void {
    assertLimit(limit);
    this.limit = limit;
    this.pump();
  }

  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.limit && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const off = signal
        ? onAbort(signal, () => {
            const at = this.waiting.indexOf(ticket);
            if (at !== -1) this.waiting.splice(at, 1);
            reject(abortError(signal));
          })
        : undefined;
      const ticket: Ticket = {
        grant: () => {
          off?.();
          this.active++;
          resolve(this.releaser());
        },
      };
      this.waiting.push(ticket);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.pump();
    };
  }

  private pump(): void {
    while (this.active < this.limit) {
      const next = this.waiting.shift();
      if (!next) return;
      next.grant();
    }
  }
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }
}
