import { describe, expect, it } from 'vitest';
import { identifierProblem, isPythonIdentifier, suggestIdentifier } from './identifiers';

describe('Python identifiers', () => {
  it('accepts identifiers and rejects keywords, digits first and other characters', () => {
    expect(['question', '_x', 'a1', 'match', 'type'].every(isPythonIdentifier)).toBe(true);
    expect(['', '1a', 'a-b', 'a b', 'from', 'None', 'größe'].some(isPythonIdentifier)).toBe(false);
    expect(identifierProblem('lambda')).toBe('is a Python keyword');
    expect(identifierProblem('9lives')).toBe('starts with a digit');
  });

  it('suggests a close snake_case identifier', () => {
    expect(suggestIdentifier('First Name')).toBe('first_name');
    expect(suggestIdentifier('Größe (cm)')).toBe('grosse_cm');
    expect(suggestIdentifier('Café')).toBe('cafe');
    expect(suggestIdentifier('userID#')).toBe('user_id');
    expect(suggestIdentifier('2nd', 'column_4')).toBe('column_4_2nd');
    expect(suggestIdentifier('???', 'column_4')).toBe('column_4');
    expect(suggestIdentifier('class')).toBe('class_');
    for (const s of ['First Name', '2nd', '???', 'class', 'Größe']) expect(isPythonIdentifier(suggestIdentifier(s))).toBe(true);
  });
});
