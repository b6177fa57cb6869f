import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { findMerge, mergeSubsample, type Lineage } from './gepa-merge';

// c0 is the seed; c1 rewrote component 0, c2 rewrote component 1, c3 (child of c1) rewrote component 0 again.
const lineage: Lineage = {
  instructions: [
    ['A', 'B'],
    ['A1', 'B'],
    ['A', 'B2'],
    ['A3', 'B'],
  ],
  parents: [[], [0], [0], [1]],
  means: [0.4, 0.6, 0.55, 0.65],
};

describe('findMerge', () => {
  it('combines two descendants of a common ancestor, each change from the side that made it', () => {
    const plan = findMerge(lineage, [1, 2], new Set(), new Rng(1));
    expect(plan).toMatchObject({ a: 1, b: 2, ancestor: 0, instructions: ['A1', 'B2'] });
  });

  it('finds nothing when one side made every change, or the merge was tried or already exists', () => {
    expect(findMerge(lineage, [1, 3], new Set(), new Rng(1))).toBeNull();
    const tried = new Set([JSON.stringify(['A1', 'B2'])]);
    expect(findMerge(lineage, [1, 2], tried, new Rng(1))).toBeNull();
    expect(findMerge({ ...lineage, instructions: [...lineage.instructions, ['A1', 'B2']], parents: [...lineage.parents, [1, 2]], means: [...lineage.means, 0.7] }, [1, 2], new Set(), new Rng(1))).toBeNull();
  });

  it('skips an ancestor that scores better than either candidate', () => {
    expect(findMerge({ ...lineage, means: [0.9, 0.6, 0.55, 0.65] }, [1, 2], new Set(), new Rng(1))).toBeNull();
  });
});

describe('mergeSubsample', () => {
  it('draws from where each parent wins and from ties, in turn', () => {
    const a = [1, 1, 1, 0, 0, 1, 0];
    const b = [0, 0, 1, 1, 1, 1, 0];
    const ids = mergeSubsample(a, b, new Rng(2), 5);
    expect(ids).toHaveLength(5);
    expect(ids.filter((i) => (a[i] ?? 0) > (b[i] ?? 0))).toHaveLength(2);
    expect(ids.filter((i) => (b[i] ?? 0) > (a[i] ?? 0))).toHaveLength(2);
    expect(new Set(ids).size).toBe(5);
  });

  it('returns every index when there are fewer than the size', () => {
    expect(mergeSubsample([1, 0], [0, 1], new Rng(1), 5)).toEqual([0, 1]);
  });
});
