import { useState, type DragEvent, type ReactNode } from 'react';

interface Props {
  /** The file input's label and accessible name, e.g. "Upload dataset (CSV, JSON or JSONL)". */
  label: string;
  /** The file input's `accept` list. */
  accept: string;
  /** Whether several files may be picked or dropped at once; without it only the first counts. */
  multiple?: boolean;
  /** Tells that dropping works too, e.g. "or drop a file here". */
  hint: string;
  /** Called with the picked or dropped files (never empty). */
  onFiles(files: File[]): void;
  /** While true (say, an upload still running) the input is disabled and drops are refused. */
  disabled?: boolean;
  /** Options shown right after the file input, before the hint. */
  controls?: ReactNode;
  /** Status shown after the hint: progress, errors, warnings. */
  children?: ReactNode;
}

/**
 * A dashed area with a labelled file input that also takes dropped files. The input is a real
 * `<input type="file">` inside its label, so the keyboard and screen readers get the browser's own
 * file picker; dragging over the area highlights it.
 */
export function DropZone({ label, accept, multiple = false, hint, onFiles, disabled = false, controls, children }: Props) {
  const [dragging, setDragging] = useState(false);
  const take = (list: FileList | null) => {
    if (disabled) return;
    const files = Array.from(list ?? []);
    const chosen = multiple ? files : files.slice(0, 1);
    if (chosen.length > 0) onFiles(chosen);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    // Moving onto a child (the label, the hint) is not leaving the area.
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };

  return (
    <div
      className={dragging ? 'upload-area dragging' : 'upload-area'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <label>
        {label}
        <input
          type="file"
          multiple={multiple}
          accept={accept}
          disabled={disabled}
          onChange={(e) => {
            take(e.target.files);
            // Picking the same file again must fire a change.
            e.target.value = '';
          }}
        />
      </label>
      {controls}
      <span className="hint">{hint}</span>
      {children}
    </div>
  );
}
