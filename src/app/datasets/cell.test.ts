import { describe, expect, it } from 'vitest';
import { cellText, parseCell } from './cell';

describe('grid cells', () => {
  it('reads an edit as the column type', () => {
    expect(parseCell('42', { name: 'sum', type: 'int' })).toEqual({ ok: true, value: 42 });
    expect(parseCell('42', { name: 'text', type: 'str' })).toEqual({ ok: true, value: '42' });
    expect(parseCell('', { name: 'sum', type: 'int' })).toEqual({ ok: true, value: null });
  });

  it('refuses text that is not of the column type, naming the field', () => {
    const result = parseCell('forty', { name: 'sum', type: 'int' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("'sum'");
  });

  it('shows non-text values as JSON', () => {
    expect([cellText(3), cellText('a'), cellText(null), cellText(['x'])]).toEqual(['3', 'a', '', '["x"]']);
  });
});
