import { useState } from 'react';

/** The text being edited and the outside value it started from. */
export interface DraftState {
  draft: string;
  source: string;
}

export type DraftAction =
  /** The user typed. */
  | { type: 'edit'; text: string }
  /** Escape: throw the draft away and show `value` again. */
  | { type: 'revert'; value: string }
  /** The outside value is now `value` (undo, another panel, an accepted commit). */
  | { type: 'sync'; value: string };

export function initialDraft(value: string): DraftState {
  return { draft: value, source: value };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'edit':
      return action.text === state.draft ? state : { ...state, draft: action.text };
    case 'revert':
      return { draft: action.value, source: action.value };
    case 'sync':
      // An outside change replaces the draft; the same value again keeps what the user typed.
      return action.value === state.source ? state : initialDraft(action.value);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The text to commit, or undefined when the draft says nothing new: one edit per commit. */
export function draftToCommit(state: DraftState, value: string): string | undefined {
  return state.draft === value ? undefined : state.draft;
}

export interface CommittedDraft {
  draft: string;
  /** Give to onChange. */
  edit(text: string): void;
  /** Give to onBlur and the Enter key: calls onCommit when the draft differs from the value. */
  commit(): void;
  /** Give to the Escape key: drops the draft and calls onCancel. */
  cancel(): void;
}

/**
 * A local draft of `value` for inputs that commit on blur or Enter rather than per keystroke,
 * revert on Escape, and follow `value` when it changes from outside while they show it.
 */
export function useCommittedDraft(value: string, onCommit: (text: string) => void, onCancel?: () => void): CommittedDraft {
  const [state, setState] = useState(() => initialDraft(value));
  let current = state;
  if (state.source !== value) {
    // Adjusting state while rendering (React's documented pattern) avoids showing a stale draft.
    current = draftReducer(state, { type: 'sync', value });
    setState(current);
  }
  return {
    draft: current.draft,
    edit: (text) => setState((s) => draftReducer(s, { type: 'edit', text })),
    commit: () => {
      const text = draftToCommit(current, value);
      if (text !== undefined) onCommit(text);
    },
    cancel: () => {
      setState((s) => draftReducer(s, { type: 'revert', value }));
      onCancel?.();
    },
  };
}
