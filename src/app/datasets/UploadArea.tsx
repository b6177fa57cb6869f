import { useState, type DragEvent } from 'react';
import { formatImportError } from '../../core/data';
import { readUpload, type Upload } from './read-upload';

export type { Upload } from './read-upload';

/** Drop a CSV, JSON or JSONL file, or pick one. Parse errors name the file, line and row. */
export function UploadArea({ onParsed }: { onParsed: (upload: Upload) => void }) {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setProgress(0);
    const result = await readUpload(file, setProgress);
    setProgress(undefined);
    if (result.ok) onParsed(result.upload);
    else setError(formatImportError(result.error));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void read(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={dragging ? 'upload-area dragging' : 'upload-area'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label>
        Upload dataset (CSV, JSON or JSONL)
        <input
          type="file"
          accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <span className="hint">or drop a file here</span>
      {progress !== undefined && <progress aria-label="Import progress" value={progress} max={1} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
