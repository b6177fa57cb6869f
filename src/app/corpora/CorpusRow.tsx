import { useState } from 'react';
import type { CorpusRecord } from '../../db';

interface Props {
  corpus: CorpusRecord;
  selected: boolean;
  onOpen: () => void;
  onDelete: () => void;
}

/** One corpus in the list: its name and passage count, open, and delete after a confirmation. */
export function CorpusRow({ corpus, selected, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const count = `${corpus.passageCount} ${corpus.passageCount === 1 ? 'passage' : 'passages'}`;
  if (confirming) {
    return (
      <li role="group" aria-label={`Confirm deleting ${corpus.name}`} className="corpus-row confirming">
        <span>Delete {corpus.name} and its {count}?</span>
        <button type="button" className="danger" onClick={onDelete}>
          Delete
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </li>
    );
  }
  return (
    <li className={selected ? 'corpus-row selected' : 'corpus-row'}>
      <button type="button" className="link" aria-pressed={selected} aria-label={`Open corpus ${corpus.name}`} onClick={onOpen}>
        {corpus.name}
      </button>
      <span className="muted">{count}</span>
      <button type="button" className="ghost small" aria-label={`Delete corpus ${corpus.name}`} onClick={() => setConfirming(true)}>
        ✕
      </button>
    </li>
  );
}
