import { describe, expect, it } from 'vitest';
import { normalizeText, tokens, valueText } from './text';

describe('normalizeText (DSPy normalize_text)', () => {
  it('lowercases, strips punctuation and articles, collapses whitespace', () => {
    expect(normalizeText('The,  Eiffel  Tower!')).toBe('eiffel tower');
    expect(normalizeText('  A cat; an   owl; THE end. ')).toBe('cat owl end');
    expect(normalizeText('snake_case-name')).toBe('snakecasename');
  });

  it('drops articles only as whole words, Unicode letters included', () => {
    expect(normalizeText('theory and anathema')).toBe('theory and anathema');
    // Python's \b treats é as a word character, so "éa" keeps its "a".
    expect(normalizeText('éa a')).toBe(normalizeText('éa'));
  });

  it('makes composed and decomposed accents equal (NFD)', () => {
    expect(normalizeText('Café')).toBe(normalizeText('Cafe\u0301'));
    expect(normalizeText('Café')).not.toBe(normalizeText('Cafe'));
  });

  it('splits into tokens and prints values as Python str() would', () => {
    expect(tokens('The quick, brown fox')).toEqual(['quick', 'brown', 'fox']);
    expect(tokens('the')).toEqual([]);
    expect(valueText(true)).toBe('True');
    expect(valueText(['a', 1])).toBe("['a', 1]");
    expect(valueText(null)).toBe('');
  });
});
