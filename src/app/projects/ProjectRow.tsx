import { useState } from 'react';
import type { ProjectRecord } from '../../db';

interface Props {
  project: ProjectRecord;
  /** The live name when this project is open (the stored one lags behind autosave). */
  name: string;
  isOpen: boolean;
  onOpen(): void;
  onRename(name: string): void;
  onDuplicate(): void;
  onDelete(): void;
}

type Mode = 'idle' | 'renaming' | 'confirming';

export function ProjectRow({ project, name, isOpen, onOpen, onRename, onDuplicate, onDelete }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [draft, setDraft] = useState(name);
  const finishRename = () => {
    const next = draft.trim();
    if (next && next !== name) onRename(next);
    setMode('idle');
  };
  switch (mode) {
    case 'renaming':
      return (
        <li className="project-row">
          <input
            aria-label={`New name for ${name}`}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onBlur={finishRename}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finishRename();
              if (e.key === 'Escape') setMode('idle');
            }}
          />
        </li>
      );
    case 'confirming':
      return (
        <li className="project-row confirming" role="group" aria-label={`Confirm deleting ${name}`}>
          <span>Delete “{name}” with its data and runs?</span>
          <button type="button" className="danger" onClick={() => { setMode('idle'); onDelete(); }}>Delete</button>
          <button type="button" className="ghost" onClick={() => setMode('idle')}>Cancel</button>
        </li>
      );
    case 'idle':
      return (
        <li className={`project-row${isOpen ? ' is-open' : ''}`}>
          <button type="button" className="project-open link-button" aria-current={isOpen ? 'page' : undefined} onClick={onOpen} title={`Edited ${new Date(project.updatedAt).toLocaleString()}`}>
            {name}
          </button>
          <span className="project-actions">
            <button type="button" className="ghost small" aria-label={`Rename ${name}`} onClick={() => { setDraft(name); setMode('renaming'); }}>✎</button>
            <button type="button" className="ghost small" aria-label={`Duplicate ${name}`} onClick={onDuplicate}>❐</button>
            <button type="button" className="ghost small" aria-label={`Delete ${name}`} onClick={() => setMode('confirming')}>✕</button>
          </span>
        </li>
      );
    default: {
      const unknown: never = mode;
      throw new Error(`unknown row mode ${String(unknown)}`);
    }
  }
}
