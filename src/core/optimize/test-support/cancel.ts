import type { RunOutcome } from '../runner';

/**
 * Starts a run, lets it work for `waitMs`, cancels it, and measures how long the run took to
 * stop after the cancel (optimizers must stop within a second).
 */
export async function cancelAfter(waitMs: number, start: (signal: AbortSignal) => Promise<RunOutcome>): Promise<{ outcome: RunOutcome; stopMs: number }> {
  const controller = new AbortController();
  const run = start(controller.signal);
  await new Promise((r) => setTimeout(r, waitMs));
  const t0 = performance.now();
  controller.abort();
  const outcome = await run;
  return { outcome, stopMs: performance.now() - t0 };
}
