import { describe, expect, it } from 'vitest';
import { parseSignature } from '../../../core/signature';
import { applySignatureText, withFields } from './signature-sync';

describe('signature sync', () => {
  it('applies the one-line form, keeping descriptions and following default instructions', () => {
    const old = { ...parseSignature('question -> answer'), inputs: [{ name: 'question', type: 'str', desc: 'the ask' }] };
    const result = applySignatureText(old, 'question, context: list[str] -> answer: int');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signature.inputs).toEqual([{ name: 'question', type: 'str', desc: 'the ask' }, { name: 'context', type: 'list[str]' }]);
    expect(result.signature.instructions).toBe('Given the fields `question`, `context`, produce the fields `answer`.');
  });

  it('keeps instructions the user wrote', () => {
    const old = { ...parseSignature('question -> answer'), instructions: 'Answer tersely.' };
    const result = applySignatureText(old, 'q -> a');
    expect(result.ok && result.signature.instructions).toBe('Answer tersely.');
    expect(withFields(old, 'outputs', [{ name: 'b', type: 'str' }]).instructions).toBe('Answer tersely.');
  });

  it('returns the parser message for a malformed line', () => {
    const result = applySignatureText(parseSignature('a -> b'), 'a, b sum');
    expect(result).toEqual({ ok: false, error: expect.stringContaining("expected '->'") });
  });
});
