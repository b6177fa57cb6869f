import { useState } from 'react';
import { formatImportError } from '../../core/data';
import { DropZone } from '../layout/DropZone';
import { readUpload, type Upload } from './read-upload';

export type { Upload } from './read-upload';

/** Drop a CSV, JSON or JSONL file, or pick one. Parse errors name the file, line and row. */
export function UploadArea({ onParsed }: { onParsed: (upload: Upload) => void }) {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setProgress(0);
    const result = await readUpload(file, setProgress);
    setProgress(undefined);
    if (result.ok) onParsed(result.upload);
    else setError(formatImportError(result.error));
  };

  return (
    <DropZone
      label="Upload dataset (CSV, JSON or JSONL)"
      accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
      hint="or drop a file here"
      onFiles={(files) => void read(files[0])}
    >
      {progress !== undefined && <progress aria-label="Import progress" value={progress} max={1} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </DropZone>
  );
}
