import { describe, expect, it } from 'vitest';
import type { ComparedRun } from './compare-data';
import { compareColumns, runColour, runLabel } from './compare-data';

const run = (id: string, trials: ComparedRun['trials']): ComparedRun => ({ id, optimizer: 'bootstrap-fewshot', seed: 0, startedAt: 0, trials });

describe('compareColumns', () => {
  it('aligns runs of different lengths by trial index and ends a short run where its trials end', () => {
    const long = run('a', [
      { index: 2, score: 0.9, subset: 'full' },
      { index: 0, score: 0.4, subset: 'full' },
      { index: 1, score: 0.8, subset: 'minibatch' },
      { index: 3, score: 0.5, subset: 'full' },
    ]);
    const short = run('b', [
      { index: 0, score: 0.6, subset: 'minibatch' },
      { index: 1, score: 0.7, subset: 'full' },
    ]);
    expect(compareColumns([long, short])).toEqual({
      x: [0, 1, 2, 3],
      series: [
        { runId: 'a', score: [0.4, 0.8, 0.9, 0.5], best: [0.4, 0.4, 0.9, 0.9] },
        { runId: 'b', score: [0.6, 0.7, null, null], best: [null, 0.7, null, null] },
      ],
    });
  });

  it('carries the best-so-far across an index the run skipped', () => {
    const gappy = run('g', [
      { index: 0, score: 0.5, subset: 'full' },
      { index: 2, score: 0.3, subset: 'full' },
    ]);
    const other = run('o', [{ index: 1, score: 0.1, subset: 'full' }]);
    expect(compareColumns([gappy, other]).series[0]).toEqual({ runId: 'g', score: [0.5, null, 0.3], best: [0.5, 0.5, 0.5] });
  });

  it('has an empty axis and empty series for runs without trials', () => {
    expect(compareColumns([run('e', [])])).toEqual({ x: [], series: [{ runId: 'e', score: [], best: [] }] });
  });
});

describe('runLabel and runColour', () => {
  it('names a run by optimizer, seed and date, and gives neighbours distinct colours', () => {
    expect(runLabel({ optimizer: 'labeled-fewshot', seed: 3, startedAt: 5 }, (ms) => `t${ms}`)).toBe('labeled-fewshot, seed 3, t5');
    expect(runColour(0)).not.toBe(runColour(1));
    expect(runColour(8)).toBe(runColour(0));
  });
});
