import { useState } from 'react';
import type { ConfigField } from '../../runs/config-fields';
import { CommitInput } from './CommitInput';

interface Props {
  field: ConfigField;
  value: unknown;
  /** `undefined` removes the setting, so the module's default applies. */
  onChange(value: unknown): void;
  /** The schema's message for this setting, if its current value is invalid. */
  error?: string;
  /** Prefix for element ids, unique per node. */
  idPrefix: string;
}

function defaultText(field: ConfigField): string {
  return field.kind !== 'boolean' && field.defaultValue !== undefined ? `default ${String(field.defaultValue)}` : '(default)';
}

/** One plain module setting (number, yes/no, choice, text), labelled by its key, hinted by its `.describe()`. */
export function SettingField({ field, value, onChange, error, idPrefix }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  const hintId = `${idPrefix}-${field.key}-hint`;
  const message = typed ?? error;
  const described = { 'aria-describedby': hintId, 'aria-invalid': message ? true : undefined } as const;
  const commitNumber = (text: string) => {
    if (field.kind !== 'number') return;
    if (text.trim() === '') return (setTyped(null), onChange(undefined));
    const n = Number(text);
    if (!Number.isFinite(n)) return setTyped(`'${text}' is not a number`);
    if (field.integer && !Number.isInteger(n)) return setTyped(`must be a whole number, not ${text}`);
    setTyped(null);
    onChange(n);
  };
  let control;
  switch (field.kind) {
    case 'boolean':
      control = (
        <label className="checkbox">
          <input type="checkbox" checked={value === true || (value === undefined && field.defaultValue === true)} {...described} onChange={(e) => onChange(e.target.checked)} />
          {field.key}
        </label>
      );
      break;
    case 'enum':
      control = (
        <label>
          {field.key}
          <select value={typeof value === 'string' ? value : ''} {...described} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
            <option value="">{defaultText(field)}</option>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
      break;
    case 'number':
      control = (
        <label>
          {field.key}
          <CommitInput value={typeof value === 'number' ? String(value) : ''} inputMode={field.integer ? 'numeric' : 'decimal'} placeholder={defaultText(field)} {...described} onCommit={commitNumber} />
        </label>
      );
      break;
    case 'string':
      control = (
        <label>
          {field.key}
          <CommitInput value={typeof value === 'string' ? value : ''} placeholder={defaultText(field)} {...described} onCommit={(t) => onChange(t === '' ? undefined : t)} />
        </label>
      );
      break;
    default: {
      const never: never = field;
      throw new Error(`unknown setting kind ${String(never)}`);
    }
  }
  return (
    <div className="config-field">
      {control}
      <small id={hintId} className="muted">
        {field.help ?? ''}
      </small>
      {message && (
        <small role="alert" className="error">
          {field.key}: {message}
        </small>
      )}
    </div>
  );
}
