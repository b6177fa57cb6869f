import { useId } from 'react';
import { useCommittedDraft } from './useCommittedDraft';

interface Props {
  label: string;
  value: string;
  /** Called on blur (or Ctrl/Cmd+Enter) when the code changed: one edit per commit. */
  onCommit(code: string): void;
  help?: string;
  error?: string;
  rows?: number;
}

/** A labelled, monospace code box. Tab still leaves the box (no keyboard trap); Escape drops the draft. */
export function CodeEditor({ label, value, onCommit, help, error, rows = 8 }: Props) {
  const id = useId();
  const { draft, edit, commit, cancel } = useCommittedDraft(value, onCommit);
  return (
    <div className="config-field code-editor">
      <label htmlFor={`${id}-code`}>{label}</label>
      <textarea
        id={`${id}-code`}
        className="code"
        value={draft}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-describedby={help ? `${id}-help` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === 'Escape') cancel();
        }}
      />
      {help && (
        <small id={`${id}-help`} className="muted">
          {help}
        </small>
      )}
      {error && (
        <small role="alert" className="error">
          {error}
        </small>
      )}
    </div>
  );
}
