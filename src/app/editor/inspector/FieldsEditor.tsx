import { useState } from 'react';
import { fieldNameProblem, tryParseFieldType } from '../../../core/signature';
import type { Field } from '../../../core/signature/types';
import { CommitInput } from './CommitInput';

interface Props {
  /** 'input' or 'output': names the controls ("Type of input field a"). */
  role: 'input' | 'output';
  fields: Field[];
  legend?: string;
  onChange(fields: Field[]): void;
  /** A rename that keeps the edges bound to the field; without it a rename is a plain change. */
  onRename?(from: string, to: string): void;
}

const COMMON_TYPES = ['str', 'int', 'float', 'bool', 'list[str]', 'dict', "Literal['yes', 'no']", 'Optional[str]'];

function freshName(fields: Field[], role: string): string {
  const base = role === 'input' ? 'input' : 'output';
  for (let i = fields.length + 1; ; i++) if (!fields.some((f) => f.name === `${base}_${i}`)) return `${base}_${i}`;
}

/** Name, type and description of each field; bad names and types are explained and not applied. */
export function FieldsEditor({ role, fields, legend, onChange, onRename }: Props) {
  const [error, setError] = useState<string | null>(null);
  const replace = (index: number, patch: Partial<Field>) => {
    const next = fields.map((f, i) => {
      if (i !== index) return f;
      const merged = { ...f, ...patch };
      if (merged.desc === '') delete merged.desc;
      return merged;
    });
    onChange(next);
  };
  const rename = (index: number, name: string) => {
    const problem = fieldNameProblem(name);
    if (problem) return setError(`${role} field '${name}': ${problem}`);
    setError(null);
    const from = fields[index]?.name;
    if (onRename && from !== undefined) onRename(from, name);
    else replace(index, { name });
  };
  const retype = (index: number, type: string) => {
    const parsed = tryParseFieldType(type);
    if (!parsed.ok) return setError(`${role} field '${fields[index]?.name}': ${parsed.error.message}`);
    setError(null);
    replace(index, { type });
  };
  const listId = `field-types-${role}`;
  return (
    <fieldset className="fields-editor">
      <legend>{legend ?? (role === 'input' ? 'Inputs' : 'Outputs')}</legend>
      <datalist id={listId}>{COMMON_TYPES.map((t) => <option key={t} value={t} />)}</datalist>
      {fields.map((field, index) => (
        <div className="field-row" key={`${index}-${field.name}`}>
          <CommitInput aria-label={`Name of ${role} field ${field.name}`} value={field.name} onCommit={(v) => rename(index, v.trim())} />
          <CommitInput aria-label={`Type of ${role} field ${field.name}`} value={field.type} list={listId} onCommit={(v) => retype(index, v.trim())} />
          <button type="button" className="ghost small" aria-label={`Remove ${role} field ${field.name}`} onClick={() => onChange(fields.filter((_, i) => i !== index))}>×</button>
          <CommitInput className="field-desc" aria-label={`Description of ${role} field ${field.name}`} placeholder="description" value={field.desc ?? ''} onCommit={(v) => replace(index, { desc: v })} />
        </div>
      ))}
      <button type="button" className="ghost small" onClick={() => onChange([...fields, { name: freshName(fields, role), type: 'str' }])}>
        Add {role} field
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </fieldset>
  );
}
