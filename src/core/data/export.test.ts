import { describe, expect, it } from 'vitest';
import { toCSV, toJSONL } from './export';
import { parseDataset } from './parse';
import type { Dataset } from './types';

const dataset: Dataset = {
  id: 'd',
  name: 'd',
  fields: [
    { name: 'question', type: 'str' },
    { name: 'n', type: 'int' },
    { name: 'score', type: 'float' },
    { name: 'ok', type: 'bool' },
    { name: 'tags', type: 'list[str]' },
    { name: 'meta', type: 'dict' },
  ],
  inputKeys: ['question', 'n', 'score', 'ok', 'tags'],
  rows: [
    {
      id: 'row-1',
      data: { question: 'Comma, "quote"\nand a newline', n: 1, score: 0.25, ok: true, tags: ['a, b', 'ü'], meta: { k: [1, 2] } },
    },
    { id: 'row-2', data: { question: 'Ünïcödé — 日本語 🎉', n: -20, score: 3.5, ok: false, tags: [], meta: {} } },
    { id: 'row-3', data: { question: '  padded  ', n: null, score: 1e-9, ok: null, tags: null, meta: null } },
  ],
};

function reimport(name: string, text: string): Dataset {
  const result = parseDataset({ name, bytes: new TextEncoder().encode(text) }, { inputKeys: dataset.inputKeys, id: 'd' });
  if (!result.ok) throw new Error(result.error.message);
  return result.dataset;
}

describe('toCSV', () => {
  it('quotes cells that need it and writes lists and dicts as JSON', () => {
    const lines = toCSV(dataset).split('\r\n');
    expect(lines[0]).toBe('question,n,score,ok,tags,meta');
    expect(toCSV(dataset)).toContain('"Comma, ""quote""\nand a newline",1,0.25,true,"[""a, b"",""ü""]","{""k"":[1,2]}"');
  });

  it('round-trips values and types through parseDataset', () => {
    const back = reimport('d.csv', toCSV(dataset));
    expect(back.fields).toEqual(dataset.fields);
    expect(back.rows).toEqual(dataset.rows);
  });

  it('keeps keys a row has beyond the declared fields', () => {
    const extra: Dataset = { ...dataset, fields: [{ name: 'a', type: 'str' }], rows: [{ id: 'r', data: { a: 'x', b: 'y' } }] };
    expect(toCSV(extra)).toBe('a,b\r\nx,y\r\n');
  });
});

describe('toJSONL', () => {
  it('writes one object per line in field order', () => {
    const text = toJSONL(dataset);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('{"question":"Ünïcödé — 日本語 🎉","n":-20,"score":3.5,"ok":false,"tags":[],"meta":{}}');
  });

  it('round-trips exactly, including text that looks like numbers', () => {
    const tricky: Dataset = {
      ...dataset,
      fields: [
        { name: 'code', type: 'str' },
        { name: 'label', type: 'str' },
      ],
      inputKeys: ['code'],
      rows: [
        { id: 'row-1', data: { code: '007', label: '12' } },
        { id: 'row-2', data: { code: 'line\nbreak', label: 'true' } },
      ],
    };
    const result = parseDataset({ name: 't.jsonl', bytes: toJSONL(tricky) }, { id: 'd' });
    expect(result.ok && result.dataset.rows).toEqual(tricky.rows);
    expect(result.ok && result.dataset.fields).toEqual(tricky.fields);
  });
});

describe('toJSONL with awkward column names', () => {
  it('keeps a column named __proto__ as a column through export and import', () => {
    const data = JSON.parse('{"__proto__": "x", "label": "y"}') as Record<string, unknown>;
    const awkward: Dataset = { ...dataset, fields: [{ name: '__proto__', type: 'str' }, { name: 'label', type: 'str' }], rows: [{ id: 'r1', data }] };
    const text = toJSONL(awkward);
    expect(text).toBe('{"__proto__":"x","label":"y"}\n');
    const back = parseDataset({ name: 'a.jsonl', bytes: new TextEncoder().encode(text) }, { inputKeys: ['__proto__'], id: 'a' });
    if (!back.ok) throw new Error(back.error.message);
    expect(Object.hasOwn(back.dataset.rows[0]?.data ?? {}, '__proto__')).toBe(true);
  });
});
