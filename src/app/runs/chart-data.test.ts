import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../core/optimize/events';
import { chartColumns } from './chart-data';

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
