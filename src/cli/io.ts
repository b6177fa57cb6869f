/** What commands need from the process, passed in so tests can capture it. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<Uint8Array>;
  /** Aborts on SIGINT/SIGTERM: long-running commands stop cleanly on Ctrl+C. */
  stopSignal(): AbortSignal;
}

/** Resolves when the signal aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
