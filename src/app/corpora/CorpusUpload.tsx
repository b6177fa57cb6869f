import { useState } from 'react';
import { DropZone } from '../layout/DropZone';
import { uploadCorpus } from './corpus-client';

const ACCEPT = '.txt,.md,.markdown,.csv,.tsv,.jsonl,.ndjson,.json,text/plain,text/markdown,text/csv,application/json';

/**
 * Drop or pick files for a new corpus: text, Markdown (several at once make one corpus), or
 * CSV/JSONL/JSON with a text column. Parsing, storing and indexing run in the corpus worker.
 */
export function CorpusUpload({ projectId, onUploaded }: { projectId: string; onUploaded: (corpusId: string) => void }) {
  const [textColumn, setTextColumn] = useState('text');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [warnings, setWarnings] = useState<string[]>([]);

  const read = async (files: File[]) => {
    if (files.length === 0 || progress !== undefined) return;
    setError(undefined);
    setWarnings([]);
    setProgress(0);
    const result = await uploadCorpus(projectId, files, textColumn, setProgress);
    setProgress(undefined);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setWarnings(result.warnings);
    onUploaded(result.corpus.id);
  };
  return (
    <DropZone
      label="Upload corpus (text, Markdown, CSV, JSON or JSONL)"
      accept={ACCEPT}
      multiple
      hint="or drop files here; several Markdown files make one corpus"
      onFiles={(files) => void read(files)}
      // One upload at a time: a file picked while one is still stored and indexed would be lost.
      disabled={progress !== undefined}
      controls={
        <label className="inline">
          Text column
          <input className="narrow" value={textColumn} onChange={(e) => setTextColumn(e.target.value)} />
        </label>
      }
    >
      {progress !== undefined && <progress aria-label="Corpus upload progress" value={progress} max={1} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="warn" aria-label="Corpus upload warnings">
          {warnings.slice(0, 5).map((w) => (
            <li key={w}>{w}</li>
          ))}
          {warnings.length > 5 && <li>…and {warnings.length - 5} more</li>}
        </ul>
      )}
    </DropZone>
  );
}
