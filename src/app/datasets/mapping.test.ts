import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/data/types';
import { applyMapping, initialMapping, mappingProblems } from './mapping';

const program = { inputs: [{ name: 'a', type: 'int' as const }, { name: 'b', type: 'int' as const }], labels: [{ name: 'sum', type: 'int' as const }] };
const dataset: Dataset = {
  id: 'd', name: 'adds', inputKeys: ['x', 'b'],
  fields: [{ name: 'x', type: 'int' }, { name: 'b', type: 'int' }, { name: 'total', type: 'int' }, { name: 'note', type: 'str' }],
  rows: [{ id: 'row-1', data: { x: 1, b: 2, total: 3, note: 'hi' }, split: 'train' }],
};

describe('column mapping', () => {
  it('starts with same-name columns and reports unmapped inputs', () => {
    const mapping = initialMapping(dataset, program);
    expect(mapping).toEqual({ a: undefined, b: 'b', sum: undefined });
    expect(mappingProblems(mapping, program)).toEqual(["input field 'a' has no column"]);
  });

  it('refuses one column feeding two fields', () => {
    expect(mappingProblems({ a: 'x', b: 'x', sum: 'total' }, program)).toEqual(["column 'x' feeds both 'a' and 'b'"]);
  });

  it('renames mapped columns, keeps the others and marks the program inputs', () => {
    const mapped = applyMapping(dataset, { a: 'x', b: 'b', sum: 'total' }, program);
    expect(mapped.fields.map((f) => f.name)).toEqual(['a', 'b', 'sum', 'note']);
    expect(mapped.inputKeys).toEqual(['a', 'b']);
    expect(mapped.rows[0]).toEqual({ id: 'row-1', data: { a: 1, b: 2, sum: 3, note: 'hi' }, split: 'train' });
  });
});
