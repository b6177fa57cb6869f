/** What commands need from the process, passed in so tests can capture it. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<Uint8Array>;
  /** Resolves on SIGINT/SIGTERM (long-running commands). */
  untilStopped(): Promise<void>;
}
