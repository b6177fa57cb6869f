import { useState } from 'react';
import { formatSignature } from '../../../core/signature';
import type { Signature } from '../../../core/signature/types';
import { CommitInput } from './CommitInput';
import { FieldsEditor } from './FieldsEditor';
import { applySignatureText, withFields } from './signature-sync';

/** The signature in both forms, kept in sync: the one-line string and the field lists. */
interface Props {
  signature: Signature;
  onChange(signature: Signature): void;
  onRenameField(side: 'input' | 'output', from: string, to: string): void;
  /** False for modules that call no LM (Retrieve, Code): no prompt reads their instructions. */
  showInstructions?: boolean;
}

export function SignatureEditor({ signature, onChange, onRenameField, showInstructions = true }: Props) {
  const [error, setError] = useState<string | null>(null);
  const text = formatSignature(signature);
  const commitText = (value: string) => {
    const result = applySignatureText(signature, value);
    if (!result.ok) return setError(result.error);
    setError(null);
    onChange(result.signature);
  };
  return (
    <div className="signature-editor">
      <label>
        Signature
        <CommitInput value={text} onCommit={commitText} onCancel={() => setError(null)} spellCheck={false} aria-invalid={error !== null} aria-describedby={error ? 'signature-error' : undefined} />
      </label>
      {error && <p id="signature-error" className="error" role="alert">{error}</p>}
      <FieldsEditor role="input" fields={signature.inputs} onChange={(fields) => onChange(withFields(signature, 'inputs', fields))} onRename={(from, to) => onRenameField('input', from, to)} />
      <FieldsEditor role="output" fields={signature.outputs} onChange={(fields) => onChange(withFields(signature, 'outputs', fields))} onRename={(from, to) => onRenameField('output', from, to)} />
      {showInstructions && (
        <label>
          Instructions
          <CommitInput multiline value={signature.instructions} onCommit={(instructions) => onChange({ ...signature, instructions })} />
        </label>
      )}
    </div>
  );
}
