import type { ConfigField } from './config-fields';

export interface ConfigFormProps {
  fields: ConfigField[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (key: string, value: unknown) => void;
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The optimizer's parameters, one control per schema field; the `.describe()` text is the hint. */
export function ConfigForm({ fields, values, errors, onChange }: ConfigFormProps) {
  if (fields.length === 0) return <p>This optimizer has no parameters.</p>;
  return (
    <div className="config-form">
      {fields.map((field) => {
        const hintId = `config-hint-${field.key}`;
        const error = errors[field.key];
        const value = values[field.key];
        return (
          <div key={field.key} className="config-field">
            {field.kind === 'boolean' ? (
              <label className="checkbox">
                <input type="checkbox" checked={value === true} aria-describedby={hintId} onChange={(e) => onChange(field.key, e.target.checked)} />
                {field.key}
              </label>
            ) : (
              <label>
                {field.key}
                {field.kind === 'enum' ? (
                  <select aria-label={field.key} value={typeof value === 'string' ? value : ''} aria-describedby={hintId} onChange={(e) => onChange(field.key, e.target.value === '' ? undefined : e.target.value)}>
                    {field.optional && field.defaultValue === undefined && <option value="">(default)</option>}
                    {field.options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : field.kind === 'number' ? (
                  <input
                    type="number"
                    value={typeof value === 'number' ? value : ''}
                    min={field.min}
                    max={field.max}
                    step={field.integer ? 1 : 'any'}
                    placeholder={field.optional ? '(default)' : undefined}
                    aria-describedby={hintId}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => onChange(field.key, parseNumber(e.target.value))}
                  />
                ) : (
                  <input value={typeof value === 'string' ? value : ''} aria-describedby={hintId} onChange={(e) => onChange(field.key, e.target.value === '' ? undefined : e.target.value)} />
                )}
              </label>
            )}
            <small id={hintId}>{field.help ?? ''}</small>
            {error && (
              <small role="alert" className="error">
                {field.key}: {error}
              </small>
            )}
          </div>
        );
      })}
    </div>
  );
}
