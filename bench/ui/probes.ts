/**
 * In-page measurement for the UI benchmark: long tasks (PerformanceObserver 'longtask') and
 * frame times (requestAnimationFrame timestamps), plus the figure file the specs append to.
 */
import { appendFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Figure } from '../results';

declare global {
  interface Window {
    __bench?: { longTasks: number[]; frames: number[]; recording: boolean };
  }
}

/** Installed before any page script: every long task's duration is kept from the first byte on. */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const bench = { longTasks: [] as number[], frames: [] as number[], recording: false };
    window.__bench = bench;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no longtask support: the figures will say 0 tasks were seen
    }
  });
}

export async function resetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__bench) window.__bench.longTasks = [];
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window.__bench?.longTasks ?? [])]);
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = window.__bench;
    if (!bench) return;
    bench.frames = [];
    bench.recording = true;
    let last: number | undefined;
    const tick = (t: number) => {
      if (!bench.recording) return;
      if (last !== undefined) bench.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const bench = window.__bench;
    if (!bench) return [];
    bench.recording = false;
    return [...bench.frames];
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Appends a figure for bench/run.ts to read (one JSON object per line). */
export function report(figure: Figure): void {
  const out = process.env.BENCH_UI_OUT;
  if (!out) throw new Error('BENCH_UI_OUT is not set: run the UI benchmark through bench/run.ts');
  appendFileSync(out, `${JSON.stringify(figure)}\n`);
}
