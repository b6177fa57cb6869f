import type { InputHTMLAttributes } from 'react';
import { useCommittedDraft } from './useCommittedDraft';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'defaultValue'> & {
  value: string;
  /** Called on Enter or blur when the text changed: one edit per commit, not per keystroke. */
  onCommit(value: string): void;
  /** Called when Escape throws the draft away. */
  onCancel?(): void;
  multiline?: boolean;
};

export function CommitInput({ value, onCommit, onCancel, multiline, ...rest }: Props) {
  const { draft, edit, commit, cancel } = useCommittedDraft(value, onCommit, onCancel);
  if (multiline) {
    return (
      <textarea
        {...(rest as InputHTMLAttributes<HTMLTextAreaElement>)}
        value={draft}
        rows={4}
        onChange={(e) => edit(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === 'Escape') cancel();
        }}
      />
    );
  }
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => edit(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') cancel();
      }}
    />
  );
}
