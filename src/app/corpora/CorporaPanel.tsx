import { useState } from 'react';
import { corpora } from '../../db';
import { CorpusRow } from './CorpusRow';
import { CorpusUpload } from './CorpusUpload';
import { CorpusView } from './CorpusView';
import { useCorpora } from './useCorpora';
import './corpora.css';

/** The open project's corpora: upload, list with passage counts, browse, search, delete. */
export function CorporaPanel({ projectId }: { projectId: string }) {
  const list = useCorpora(projectId);
  const [selected, setSelected] = useState<string>();
  const [error, setError] = useState<string>();
  const current = list?.find((c) => c.id === selected);

  const remove = async (id: string) => {
    try {
      await corpora.remove(id);
      setError(undefined);
      if (selected === id) setSelected(undefined);
    } catch (e) {
      setError(`Could not delete the corpus: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="corpora-panel" aria-labelledby="corpora-heading">
      <h3 id="corpora-heading">Corpora</h3>
      <p className="hint">Passages a Retrieve node searches (BM25).</p>
      <CorpusUpload projectId={projectId} onUploaded={setSelected} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="corpus-list" aria-label="Corpora">
          {list.map((c) => (
            <CorpusRow key={c.id} corpus={c} selected={c.id === selected} onOpen={() => setSelected(c.id === selected ? undefined : c.id)} onDelete={() => void remove(c.id)} />
          ))}
        </ul>
      )}
      {current && <CorpusView key={current.id} corpus={current} />}
    </section>
  );
}
