import { useId } from 'react';
import { useCorpora } from './useCorpora';

export interface CorpusSelectProps {
  projectId: string | undefined;
  value: string | undefined;
  onChange: (corpusId: string) => void;
  /** The visible label; default "Corpus". */
  label?: string;
}

/**
 * A labelled picker over the project's corpora, for the Retrieve node's inspector. A value that
 * names no stored corpus stays selectable and is marked missing, so it is never silently lost.
 */
export function CorpusSelect({ projectId, value, onChange, label = 'Corpus' }: CorpusSelectProps) {
  const id = useId();
  const list = useCorpora(projectId);
  const missing = value !== undefined && value !== '' && list !== undefined && !list.some((c) => c.id === value);
  return (
    <div className="corpus-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={list === undefined}>
        <option value="">{list?.length === 0 ? 'No corpora: upload one in the Data tab' : 'Choose a corpus…'}</option>
        {missing && <option value={value}>{`${value} (missing)`}</option>}
        {list?.map((c) => (
          <option key={c.id} value={c.id}>
            {`${c.name} (${c.passageCount} passages)`}
          </option>
        ))}
      </select>
    </div>
  );
}
