import { abortError, onAbort } from './abort';

interface Ticket {
  grant(): void;
}

/**
 * A counting semaphore with a FIFO queue whose waiters can abort. `acquire` resolves to a
 * release function; releasing twice is harmless, so `finally` blocks can always call it.
 * Urgent waiters queue ahead of ordinary ones (FIFO among themselves).
 */
export class Slots {
  private active = 0;
  private readonly waiting: Ticket[] = [];
  /** How many of `waiting`, from the front, are urgent. */
  private urgent = 0;

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

  acquire(signal?: AbortSignal, urgent = false): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.limit && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const off = signal
        ? onAbort(signal, () => {
            const at = this.waiting.indexOf(ticket);
            if (at !== -1) {
              this.waiting.splice(at, 1);
              if (at < this.urgent) this.urgent--;
            }
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
      if (urgent) this.waiting.splice(this.urgent++, 0, ticket);
      else this.waiting.push(ticket);
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
      if (this.urgent > 0) this.urgent--;
      next.grant();
    }
  }
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }
}
