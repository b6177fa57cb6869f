import { useState } from 'react';
import type { Dataset } from '../../core/data/types';
import type { Field } from '../../core/signature/types';
import { initialMapping, mappingProblems, type ColumnMapping, type ProgramFields } from './mapping';

export interface ColumnMapperProps {
  /** The upload's columns and first rows (a large upload's rows stay in its worker). */
  dataset: Dataset;
  rowCount: number;
  warnings: string[];
  program: ProgramFields;
  /** While saving: the fraction of rows written. */
  saving?: number;
  onSave: (mapping: ColumnMapping) => void;
  onCancel: () => void;
}

/** Preview an upload and say which column feeds each program input and label. */
export function ColumnMapper({ dataset, rowCount, warnings, program, saving, onSave, onCancel }: ColumnMapperProps) {
  const [mapping, setMapping] = useState(() => initialMapping(dataset, program));
  const problems = mappingProblems(mapping, program);
  const preview = dataset.rows.slice(0, 5);
  const select = (field: Field, role: string) => (
    <label key={field.name}>
      {role} {field.name} ({field.type})
      <select aria-label={`${role} ${field.name} (${field.type})`} value={mapping[field.name] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [field.name]: e.target.value || undefined }))}>
        <option value="">(none)</option>
        {dataset.fields.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="column-mapper" aria-label="Map columns">
      <h3>
        {dataset.name}: {rowCount} rows, {dataset.fields.length} columns
      </h3>
      {warnings.length > 0 && (
        <ul className="warn">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <table aria-label="Preview">
        <thead>
          <tr>
            {dataset.fields.map((f) => (
              <th key={f.name}>
                {f.name} <span className="hint">{f.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.map((row) => (
            <tr key={row.id}>
              {dataset.fields.map((f) => (
                <td key={f.name}>{String(row.data[f.name] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        {program.inputs.map((f) => select(f, 'Input'))}
        {program.labels.map((f) => select(f, 'Label'))}
      </div>
      {problems.map((p) => (
        <p key={p} className="error">
          {p}
        </p>
      ))}
      <div className="row">
        <button type="button" disabled={problems.length > 0 || saving !== undefined} onClick={() => onSave(mapping)}>
          Save dataset
        </button>
        {saving !== undefined && <progress aria-label="Save progress" value={saving} max={1} />}
        <button type="button" disabled={saving !== undefined} onClick={onCancel}>
          Discard upload
        </button>
      </div>
    </section>
  );
}
