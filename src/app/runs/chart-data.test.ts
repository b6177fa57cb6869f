import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../core/optimize/events';
import { ChartSeries, chartColumns } from './chart-data';

const trial = (index: number, score: number, subset: TrialRecord['subset']): TrialRecord => ({
  index, label: `t${index}`, candidate: {}, score, subset, examples: [], usage: { calls: 0, cachedCalls: 0, totalTokens: 0 }, elapsedMs: 0,
});

describe('chartColumns', () => {
  it('splits full and minibatch scores and tracks the best full score so far, in trial order', () => {
    const columns = chartColumns([trial(2, 0.9, 'minibatch'), trial(0, 0.4, 'full'), trial(1, 0.3, 'full'), trial(3, 0.7, 'full')]);
    expect(columns).toEqual([
      [0, 1, 2, 3],
      [0.4, 0.3, null, 0.7],
      [null, null, 0.9, null],
      [0.4, 0.4, 0.4, 0.7],
    ]);
  });
});

describe('ChartSeries', () => {
  const scores = (n: number) => Array.from({ length: n }, (_, i) => trial(i, (i * 37) % 100 / 100, i % 3 === 0 ? 'full' : 'minibatch'));
  const asColumns = (s: ChartSeries) => {
    const [x, ...ys] = s.data();
    return [Array.from(x), ...ys];
  };

  it('matches chartColumns when trials arrive one by one, across the typed array growing', () => {
    const all = scores(300);
    const series = new ChartSeries();
    for (let n = 1; n <= all.length; n++) series.sync(all.slice(0, n));
    expect(asColumns(series)).toEqual(chartColumns(all));
    expect(series.fullCount).toBe(100);
    expect(series.latestBest()).toBe(chartColumns(all)[3].at(-1));
  });

  it('rebuilds when the trials are not an extension of what it has (another run, out of order)', () => {
    const series = new ChartSeries();
    series.sync(scores(10));
    const other = [trial(5, 0.2, 'full'), trial(1, 0.8, 'full'), trial(3, 0.1, 'minibatch')];
    expect(series.sync(other)).toBe(true);
    expect(asColumns(series)).toEqual(chartColumns(other));
    expect(series.fullCount).toBe(2);
    expect(series.sync(other)).toBe(false);
  });
});
