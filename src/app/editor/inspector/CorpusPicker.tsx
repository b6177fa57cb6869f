import { CorpusSelect } from '../../corpora/CorpusSelect';
import { useProjectStore } from '../../state/project-store';

interface Props {
  value: string | undefined;
  onChange(corpusId: string | undefined): void;
  help?: string;
  error?: string;
}

/** The Retrieve node's corpus: one of the open project's corpora (uploaded in the Data tab). */
export function CorpusPicker({ value, onChange, help, error }: Props) {
  const projectId = useProjectStore((s) => s.projectId) ?? undefined;
  return (
    <div className="config-field">
      <CorpusSelect projectId={projectId} value={value} onChange={(id) => onChange(id === '' ? undefined : id)} />
      <small className="muted">{help ?? 'The passages this node searches.'}</small>
      {error && (
        <small role="alert" className="error">
          corpusId: {error}
        </small>
      )}
    </div>
  );
}
