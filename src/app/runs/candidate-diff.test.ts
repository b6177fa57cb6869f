import { describe, expect, it } from 'vitest';
import type { ProgramState } from '../../core/program/types';
import { diffCandidate, diffLines } from './candidate-diff';

const signature = (instructions: string) => ({ instructions, inputs: [{ name: 'a', type: 'int' as const }], outputs: [{ name: 'sum', type: 'int' as const }] });

describe('diffCandidate', () => {
  it('reports changed instructions and added, removed and kept demos per predictor', () => {
    const baseline: ProgramState = { add: { signature: signature('Add them.'), demos: [{ a: 1, sum: 1 }, { a: 2, sum: 2 }] } };
    const candidate: ProgramState = { add: { signature: signature('Add the two numbers.'), demos: [{ sum: 2, a: 2 }, { a: 3, sum: 3 }] } };
    expect(diffCandidate(baseline, candidate)).toEqual([
      { predictor: 'add', before: 'Add them.', after: 'Add the two numbers.', instructionsChanged: true, added: [{ a: 3, sum: 3 }], removed: [{ a: 1, sum: 1 }], kept: 1 },
    ]);
  });

  it('shows an unchanged predictor as unchanged', () => {
    const state: ProgramState = { add: { signature: signature('Add.'), demos: [] } };
    expect(diffCandidate(state, state)[0]).toMatchObject({ instructionsChanged: false, added: [], removed: [], kept: 0 });
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks the rest', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
  });
});
