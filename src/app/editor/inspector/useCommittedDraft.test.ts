import { describe, expect, it } from 'vitest';
import { draftReducer, draftToCommit, initialDraft, type DraftAction, type DraftState } from './useCommittedDraft';

const run = (value: string, actions: DraftAction[]): DraftState => actions.reduce(draftReducer, initialDraft(value));

describe('useCommittedDraft logic', () => {
  it('starts with the value and commits nothing until the user types', () => {
    const state = initialDraft('a: int -> b: int');
    expect(state.draft).toBe('a: int -> b: int');
    expect(draftToCommit(state, 'a: int -> b: int')).toBeUndefined();
  });

  it('commits the typed text once it differs from the value', () => {
    const state = run('question', [
      { type: 'edit', text: 'questio' },
      { type: 'edit', text: 'query' },
    ]);
    expect(state.draft).toBe('query');
    expect(draftToCommit(state, 'question')).toBe('query');
  });

  it('commits nothing when the user typed the value back', () => {
    const state = run('x', [
      { type: 'edit', text: 'xy' },
      { type: 'edit', text: 'x' },
    ]);
    expect(draftToCommit(state, 'x')).toBeUndefined();
  });

  it('Escape throws the draft away and shows the value again', () => {
    const state = run('return 1;', [
      { type: 'edit', text: 'return 2;' },
      { type: 'revert', value: 'return 1;' },
    ]);
    expect(state.draft).toBe('return 1;');
    expect(draftToCommit(state, 'return 1;')).toBeUndefined();
  });

  it('an outside change (undo, another panel) replaces the draft', () => {
    const state = run('old', [
      { type: 'edit', text: 'half-typed' },
      { type: 'sync', value: 'from undo' },
    ]);
    expect(state).toEqual({ draft: 'from undo', source: 'from undo' });
    expect(draftToCommit(state, 'from undo')).toBeUndefined();
  });

  it('the same outside value again keeps what the user is typing', () => {
    const typed = run('same', [{ type: 'edit', text: 'same plus more' }]);
    const state = draftReducer(typed, { type: 'sync', value: 'same' });
    expect(state).toBe(typed);
    expect(draftToCommit(state, 'same')).toBe('same plus more');
  });

  it('a rejected commit (value unchanged) keeps the draft so the user can fix it', () => {
    const state = run('ok_name', [{ type: 'edit', text: 'bad name' }]);
    // The owner refused the edit, so the value stays; the next render syncs to the same value.
    const after = draftReducer(state, { type: 'sync', value: 'ok_name' });
    expect(after.draft).toBe('bad name');
  });

  it('an accepted commit comes back as the new value and leaves nothing to commit', () => {
    const state = run('a', [{ type: 'edit', text: 'b' }]);
    const after = draftReducer(state, { type: 'sync', value: draftToCommit(state, 'a') ?? '' });
    expect(after).toEqual({ draft: 'b', source: 'b' });
    expect(draftToCommit(after, 'b')).toBeUndefined();
  });
});
