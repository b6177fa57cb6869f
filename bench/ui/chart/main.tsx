/**
 * Bench-only page: the studio's ScoreChart with 5,000 trials, and `window.__chart.append(n)`,
 * which appends n trials one at a time and returns how long each append took until React has
 * committed and uPlot has redrawn (uPlot draws in a microtask after setData).
 */
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { TrialRecord } from '../../../src/core/optimize/events';
import { ScoreChart } from '../../../src/app/runs/ScoreChart';

declare global {
  interface Window {
    __chart?: { append(n: number): Promise<number[]>; count(): number };
  }
}

function trial(index: number): TrialRecord {
  const full = index % 6 === 0;
  const score = Math.min(1, 0.3 + 0.5 * (1 - Math.exp(-index / 1500)) + 0.1 * Math.sin(index));
  return { index, label: `trial ${index}`, candidate: {}, score, subset: full ? 'full' : 'minibatch', examples: [], usage: { calls: 1, cachedCalls: 0, totalTokens: 100 }, elapsedMs: 10 };
}

let add: ((t: TrialRecord) => void) | null = null;
let current = 0;

function Bench() {
  const [trials, setTrials] = useState<TrialRecord[]>(() => Array.from({ length: 5000 }, (_, i) => trial(i)));
  add = (t) => setTrials((prev) => [...prev, t]);
  current = trials.length;
  return <ScoreChart trials={trials} />;
}

window.__chart = {
  count: () => current,
  async append(n: number) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      flushSync(() => add?.(trial(current)));
      await Promise.resolve();
      await Promise.resolve();
      times.push(performance.now() - t0);
      // Let the browser paint between appends, as live trials arrive apart in time.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return times;
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Bench />);
