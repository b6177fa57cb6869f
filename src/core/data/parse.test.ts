import { describe, expect, it } from 'vitest';
import { formatImportError } from './errors';
import type { ImportError } from './errors';
import { parseDataset } from './parse';
import type { ParseOptions } from './parse';

function ok(name: string, bytes: string | Uint8Array, options?: ParseOptions) {
  const result = parseDataset({ name, bytes }, options);
  if (!result.ok) throw new Error(`expected success, got: ${formatImportError(result.error)}`);
  return result;
}

function fail(name: string, bytes: string | Uint8Array, options?: ParseOptions): ImportError {
  const result = parseDataset({ name, bytes }, options);
  if (result.ok) throw new Error(`expected an error for ${name}`);
  return result.error;
}

describe('parseDataset: CSV', () => {
  it('types every column and coerces its cells consistently', () => {
    const csv =
      '\uFEFFquestion,n,x,flag,tags,meta\n' +
      '"Hello, ""world""\nagain",12,1.5,true,"[""a"",""b""]","{""k"":1}"\n' +
      'plain,-3,2,FALSE,[],{}\n';
    const { dataset, warnings } = ok('qa.csv', csv);
    expect(warnings).toEqual([]);
    expect(dataset.name).toBe('qa');
    expect(dataset.fields).toEqual([
      { name: 'question', type: 'str' },
      { name: 'n', type: 'int' },
      { name: 'x', type: 'float' },
      { name: 'flag', type: 'bool' },
      { name: 'tags', type: 'list[str]' },
      { name: 'meta', type: 'dict' },
    ]);
    expect(dataset.rows.map((r) => r.data)).toEqual([
      { question: 'Hello, "world"\nagain', n: 12, x: 1.5, flag: true, tags: ['a', 'b'], meta: { k: 1 } },
      { question: 'plain', n: -3, x: 2, flag: false, tags: [], meta: {} },
    ]);
  });

  it('gives rows stable, index-based ids and defaults the last column to the label', () => {
    const { dataset } = ok('d.csv', 'q,a\n1,x\n\n2,y\n');
    expect(dataset.rows.map((r) => r.id)).toEqual(['row-1', 'row-2']);
    expect(dataset.inputKeys).toEqual(['q']);
    expect(ok('d.csv', 'q,a\n1,x\n\n2,y\n').dataset.id).toBe(dataset.id);
    expect(ok('d.csv', 'q,a\n1,x\n', { inputKeys: ['a'], id: 'mine' }).dataset).toMatchObject({ id: 'mine', inputKeys: ['a'] });
  });

  it('names the dataset after the file, without directories or extension', () => {
    expect(ok('data/qa.v2.csv', 'a,b\n1,2\n').dataset.name).toBe('qa.v2');
    expect(ok('C:\\data\\qa.csv', 'a,b\n1,2\n').dataset.name).toBe('qa');
  });

  it('counts lines in files that end lines with a bare CR', () => {
    expect(fail('mac.csv', 'a,b\r1,2\r3\r')).toMatchObject({ line: 3, row: 2 });
  });

  it('detects tab, semicolon and pipe delimiters', () => {
    for (const d of ['\t', ';', '|']) {
      const { dataset } = ok('d.csv', `a${d}b\n1${d}x\n2${d}y\n`);
      expect(dataset.rows.map((r) => r.data)).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    }
  });

  it('names the line and row of a row with the wrong number of cells', () => {
    const error = fail('data.csv', 'a,b,c\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3,4\n');
    expect(error).toMatchObject({ file: 'data.csv', line: 7, row: 6 });
    expect(formatImportError(error)).toBe('data.csv, line 7: row 6 has 4 cells, the header has 3');
  });

  it('counts lines inside quoted cells and blank lines when locating a bad row', () => {
    const error = fail('data.csv', 'a,b\n"x\ny",1\n\nshort\n');
    expect(error).toMatchObject({ line: 5, row: 2 });
    expect(error.message).toBe('row 2 has 1 cell, the header has 2');
  });

  it('rejects duplicate and empty headers, naming them', () => {
    expect(fail('d.csv', 'a,b,a\n1,2,3\n')).toMatchObject({
      line: 1,
      column: 'a',
      message: 'columns 1 and 3 of the header are both named "a"; column names must be unique',
    });
    expect(fail('d.csv', 'a,,c\n1,2,3\n').message).toBe('column 2 of the header is empty; give every column a name');
  });

  it('rejects an unterminated quote with the line where its row starts', () => {
    expect(fail('d.csv', 'a,b\n1,2\n3,"never closed\n4,5\n')).toMatchObject({
      line: 3,
      row: 2,
      message: 'row 2 opens a quoted cell that is never closed',
    });
  });

  it('rejects a header without data rows', () => {
    expect(fail('d.csv', 'a,b\n\n')).toMatchObject({ line: 1, message: 'the file has a header row but no data rows' });
  });
});

describe('parseDataset: column names', () => {
  it('rejects a column that is not a Python identifier and suggests one', () => {
    const error = fail('d.csv', 'First Name,answer\nAda,x\n');
    expect(error.column).toBe('First Name');
    expect(error.message).toContain('column "First Name" has characters other than letters, digits and _');
    expect(error.message).toContain('e.g. to "first_name"');
    expect(fail('d.csv', 'class,2nd\nx,y\n').message).toContain('"class" is a Python keyword');
  });

  it('renames columns with an explicit map or with auto, reporting auto renames', () => {
    const mapped = ok('d.csv', 'First Name,answer\nAda,x\n', { renameColumns: { 'First Name': 'name' } });
    expect(mapped.dataset.fields.map((f) => f.name)).toEqual(['name', 'answer']);

    const auto = ok('d.csv', 'First Name,first_name,2nd\nAda,x,y\n', { renameColumns: 'auto' });
    expect(auto.dataset.fields.map((f) => f.name)).toEqual(['first_name_2', 'first_name', 'column_3_2nd']);
    expect(auto.warnings).toContain('renamed column "First Name" to "first_name_2": field names must be unique Python identifiers');
    expect(auto.dataset.rows[0]?.data).toEqual({ first_name_2: 'Ada', first_name: 'x', column_3_2nd: 'y' });
  });

  it('rejects a rename that is itself invalid or collides', () => {
    expect(fail('d.csv', 'a,b\n1,2\n', { renameColumns: { a: 'my col' } }).message).toContain('(renamed from "a")');
    expect(fail('d.csv', 'a,b\n1,2\n', { renameColumns: { a: 'b' } }).message).toBe(
      'two columns would both be named "b"; column names must be unique',
    );
  });

  it('names missing required columns and lists the columns found', () => {
    const error = fail('d.csv', 'q,a\n1,2\n', { requiredColumns: ['question', 'a', 'answer'] });
    expect(error.message).toBe('missing required columns "question", "answer"; the columns found are "q", "a"');
    expect(fail('d.csv', 'q,a\n1,2\n', { inputKeys: ['query'] }).message).toBe(
      'missing input column "query"; the columns found are "q", "a"',
    );
  });
});

describe('parseDataset: JSON and JSONL', () => {
  it('reads an array of objects, keeping JSON types', () => {
    const { dataset } = ok('d.json', '[{"q": "a", "n": 1, "tags": ["x"]}, {"q": "b", "n": 2.5, "tags": []}]');
    expect(dataset.fields).toEqual([
      { name: 'q', type: 'str' },
      { name: 'n', type: 'float' },
      { name: 'tags', type: 'list[str]' },
    ]);
  });

  it('reads an object holding one array, warning about the other keys', () => {
    const { dataset, warnings } = ok('d.json', '{"version": 2, "examples": [{"a": 1}, {"a": 2, "b": true}]}');
    expect(dataset.rows.map((r) => r.data)).toEqual([{ a: 1, b: null }, { a: 2, b: true }]);
    expect(warnings).toEqual(['read the rows from "examples"; ignored "version"', 'column "b" is missing from 1 row; those values are null']);
  });

  it('turns a column of mixed kinds into text and says so', () => {
    const { dataset, warnings } = ok('d.json', '[{"a": 1}, {"a": "two"}, {"a": {"k": 3}}, {"a": null}]');
    expect(dataset.fields).toEqual([{ name: 'a', type: 'str' }]);
    expect(dataset.rows.map((r) => r.data.a)).toEqual(['1', 'two', '{"k":3}', null]);
    expect(warnings).toEqual(['column "a" mixes dict, int, str values; read it as str']);
  });

  it('locates malformed JSON by line and column', () => {
    expect(fail('d.json', '[\n  {"a": 1},\n  {"a": 2,}\n]')).toMatchObject({
      line: 3,
      message: "the file is not valid JSON at column 11: trailing comma before '}'",
    });
    expect(fail('d.json', '[{"a": 1}')).toMatchObject({ line: 1, message: "the file is not valid JSON at column 10: expected ',' or ']', found end of input" });
  });

  it('rejects a JSON value that is not a list of objects', () => {
    expect(fail('d.json', '[{"a": 1}, 7]')).toMatchObject({ row: 2, message: expect.stringContaining('row 2 is a number (7)') });
    expect(fail('d.json', '"text"').message).toBe('expected an array of objects, found a string "text"');
    expect(fail('d.json', '{"a": [1], "b": [2]}').message).toContain('found an object with several: "a", "b"');
    expect(fail('d.json', '[]').message).toBe('the file holds an empty array: no rows');
  });

  it('reads JSONL with blank lines and names the line of a bad one', () => {
    const { dataset } = ok('d.jsonl', '{"a": 1}\n\n{"a": 2}\r\n');
    expect(dataset.rows.map((r) => r.data)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(fail('d.jsonl', '{"a": 1}\n\n{"a": 2\n')).toMatchObject({
      line: 3,
      row: 2,
      message: "row 2 is not valid JSON at column 8: expected ',' or '}', found end of input",
    });
    expect(fail('d.jsonl', '{"a": 1}\n"x"\n')).toMatchObject({ line: 2, row: 2 });
  });

  it('sniffs the format when the extension says nothing', () => {
    expect(ok('paste.txt', '{"a": 1}\n{"a": 2}\n').dataset.rows).toHaveLength(2);
    expect(ok('paste.txt', '[{"a": 1}]').dataset.rows).toHaveLength(1);
    expect(ok('paste.txt', 'a,b\n1,2\n').dataset.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(ok('x.json', 'a,b\n1,2\n', { format: 'csv' }).dataset.rows).toHaveLength(1);
  });

  it('hints at JSONL when a .json file holds one object per line', () => {
    expect(fail('d.json', '{"a": 1}\n{"a": 2}\n').message).toContain('name the file .jsonl');
  });
});

describe('parseDataset: file-level problems', () => {
  it('rejects empty and whitespace-only files', () => {
    expect(fail('d.csv', '').message).toBe('the file is empty');
    expect(fail('d.csv', new Uint8Array()).message).toBe('the file is empty');
    expect(fail('d.csv', ' \n\t\n').message).toBe('the file contains only whitespace');
    expect(fail('d.csv', new Uint8Array([0xef, 0xbb, 0xbf])).message).toBe('the file is empty');
  });

  it('rejects bytes that are not UTF-8, naming the first bad byte and its line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n1,2\ncaf'), 0xe9, 0x0a]);
    const error = fail('latin1.csv', bytes);
    expect(error.line).toBe(3);
    expect(error.message).toContain('byte 12 is 0xE9');
  });

  it('decodes UTF-8 bytes with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('naïve,b\n🎉,2\n')]);
    expect(fail('d.csv', bytes).column).toBe('naïve');
    const { dataset } = ok('d.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n🎉,2\n')]));
    expect(dataset.rows[0]?.data).toEqual({ a: '🎉', b: 2 });
  });

  it('rejects a file over maxBytes with its size and the limit', () => {
    const error = fail('d.csv', 'a,b\n' + '1,2\n'.repeat(700), { maxBytes: 2048 });
    expect(error.message).toBe('the file is 2.7 KB, larger than the 2 KB limit');
  });

  it('reports progress from 0 to 1, increasing', () => {
    const seen: number[] = [];
    ok('d.csv', 'a,b\n' + '1,2\n'.repeat(5000), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
  });
});
