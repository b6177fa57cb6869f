import type { LM, LMRequest, LMResponse } from '../src/core/lm/types';

/**
 * Slot occupancy of a run, measured where calls leave the engine (wrap the transport, under the
 * scheduler) and, optionally, where they reach the network (wrap `fetch`). Wall time on a shared
 * machine is noisy; these figures say where a run's slot-time went whatever the load:
 *
 *   wall × concurrency = Σ call durations + idle slot time
 *   so wall / bound    = mean call / latency + idle / (calls × latency)
 *
 * - `idleMs`: the integral over the run (first call start → last call end) of
 *   (concurrency − calls in flight): slots with no call while work remained.
 * - `handoffs`: per virtual slot (a freed slot is reused last-in first-out, as a scheduler's
 *   release hands it to the next waiter), the gap between one call's end and the next call's
 *   start in that slot. Sub-millisecond gaps are release latency; long ones are "no work".
 * - `idleByTenth`: the idle slot time in each tenth of the run, so tails and phase gaps show.
 * - `overheadMs`: mean call duration minus the provider's latency (client + HTTP + sim work).
 */
export interface SlotReport {
  calls: number;
  spanMs: number;
  busyMs: number;
  idleMs: number;
  meanCallMs: number;
  /** Mean fetch duration (network level), when `wrapFetch` was used. */
  meanFetchMs?: number;
  overheadMs: number;
  handoffs: { count: number; medianMs: number; p90Ms: number; maxMs: number; over5ms: number; sumMs: number };
  idleByTenth: number[];
  /** The ratio's two parts: mean call / latency, and idle / (calls × latency). */
  callPart: number;
  idlePart: number;
}

interface Interval {
  start: number;
  end: number;
}

export interface SlotProbe {
  wrap(lm: LM): LM;
  wrapFetch(inner?: typeof fetch): typeof fetch;
  report(): SlotReport;
  reset(): void;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Idle slot time between `from` and `to`, from a sorted list of +1/−1 events. */
function idleBetween(events: [number, number][], concurrency: number, from: number, to: number): number {
  let inFlight = 0;
  let last = from;
  let idle = 0;
  for (const [t, delta] of events) {
    const at = Math.min(Math.max(t, from), to);
    idle += Math.max(0, concurrency - inFlight) * (at - last);
    last = at;
    inFlight += delta;
  }
  idle += Math.max(0, concurrency - inFlight) * (to - last);
  return idle;
}

export function summarize(calls: Interval[], fetches: Interval[], concurrency: number, latencyMs: number): SlotReport {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const first = sorted[0]?.start ?? 0;
  const last = sorted.reduce((m, c) => Math.max(m, c.end), first);
  const span = last - first;
  const events: [number, number][] = [];
  for (const c of sorted) events.push([c.start, 1], [c.end, -1]);
  // Ends before starts at the same instant: a released slot is free before it is taken again.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const busy = sorted.reduce((s, c) => s + (c.end - c.start), 0);
  const idleByTenth = Array.from({ length: 10 }, (_, i) => idleBetween(events, concurrency, first + (span * i) / 10, first + (span * (i + 1)) / 10));

  // Virtual slots: each start takes the most recently freed slot (or a fresh one).
  const free: number[] = [];
  const gaps: number[] = [];
  let inFlightEnds: number[] = [];
  for (const c of sorted) {
    inFlightEnds = inFlightEnds.filter((end) => {
      if (end <= c.start) {
        free.push(end);
        return false;
      }
      return true;
    });
    free.sort((a, b) => a - b);
    const freedAt = free.pop();
    if (freedAt !== undefined) gaps.push(c.start - freedAt);
    inFlightEnds.push(c.end);
  }
  gaps.sort((a, b) => a - b);
  const n = sorted.length || 1;
  const meanCall = busy / n;
  const idle = idleBetween(events, concurrency, first, last);
  const fetchBusy = fetches.reduce((s, f) => s + (f.end - f.start), 0);
  return {
    calls: sorted.length,
    spanMs: span,
    busyMs: busy,
    idleMs: idle,
    meanCallMs: meanCall,
    ...(fetches.length > 0 ? { meanFetchMs: fetchBusy / fetches.length } : {}),
    overheadMs: meanCall - latencyMs,
    handoffs: {
      count: gaps.length,
      medianMs: quantile(gaps, 0.5),
      p90Ms: quantile(gaps, 0.9),
      maxMs: gaps[gaps.length - 1] ?? 0,
      over5ms: gaps.filter((g) => g > 5).length,
      sumMs: gaps.reduce((s, g) => s + g, 0),
    },
    idleByTenth,
    callPart: meanCall / latencyMs,
    idlePart: idle / (n * latencyMs),
  };
}

export function createSlotProbe(concurrency: number, latencyMs: number, now: () => number = () => performance.now()): SlotProbe {
  let calls: Interval[] = [];
  let fetches: Interval[] = [];
  const timed = async <T>(list: Interval[], work: () => Promise<T>): Promise<T> => {
    const start = now();
    try {
      return await work();
    } finally {
      list.push({ start, end: now() });
    }
  };
  return {
    wrap: (lm) => ({ ...lm, model: lm.model, complete: (request: LMRequest): Promise<LMResponse> => timed(calls, () => lm.complete(request)) }),
    wrapFetch: (inner = globalThis.fetch) => ((input, init) => timed(fetches, () => inner(input, init))) as typeof fetch,
    report: () => summarize(calls, fetches, concurrency, latencyMs),
    reset: () => {
      calls = [];
      fetches = [];
    },
  };
}

export function formatSlotReport(r: SlotReport, concurrency: number): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    `calls ${r.calls}, span ${ms(r.spanMs)}, concurrency ${concurrency}`,
    `mean call ${ms(r.meanCallMs)}${r.meanFetchMs === undefined ? '' : ` (fetch ${ms(r.meanFetchMs)})`}, overhead ${ms(r.overheadMs)} → call part ${r.callPart.toFixed(3)}`,
    `idle slot time ${ms(r.idleMs)} → idle part ${r.idlePart.toFixed(3)}; by tenth: ${r.idleByTenth.map((x) => x.toFixed(0)).join(' ')}`,
    `slot handoffs ${r.handoffs.count}: median ${ms(r.handoffs.medianMs)}, p90 ${ms(r.handoffs.p90Ms)}, max ${ms(r.handoffs.maxMs)}, ${r.handoffs.over5ms} over 5 ms, sum ${ms(r.handoffs.sumMs)}`,
  ].join('\n');
}
