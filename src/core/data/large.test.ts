import { describe, expect, it } from 'vitest';
import { parseDataset } from './parse';

/** ~50 MB of realistic rows, built in memory as the upload dialog would hand them over. */
function bigCsv(targetBytes: number): { bytes: Uint8Array; rows: number } {
  const parts = ['id,question,answer,score,flag\n'];
  let size = parts[0]!.length;
  let rows = 0;
  while (size < targetBytes) {
    const line = `${rows},"What is the capital of country number ${rows}, and why?",Paris; it has been so for a long time,${(rows * 0.37).toFixed(3)},${rows % 2 === 0}\n`;
    parts.push(line);
    size += line.length;
    rows++;
  }
  return { bytes: new TextEncoder().encode(parts.join('')), rows };
}

describe('parseDataset at scale', () => {
  const { bytes, rows } = bigCsv(50 * 1024 * 1024);

  it('imports a 50 MB CSV', () => {
    let reports = 0;
    const result = parseDataset({ name: 'big.csv', bytes }, { onProgress: () => reports++ });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.dataset.rows).toHaveLength(rows);
    expect(result.dataset.fields.map((f) => f.type)).toEqual(['int', 'str', 'str', 'float', 'bool']);
    expect(result.dataset.rows.at(-1)?.data.id).toBe(rows - 1);
    // Progress is throttled: a worker posts each report, so there must not be one per row.
    expect(reports).toBeLessThan(300);
  }, 30_000);

  it('refuses it cleanly when it is over the limit', () => {
    const result = parseDataset({ name: 'big.csv', bytes }, { maxBytes: 40 * 1024 * 1024 });
    expect(result).toEqual({ ok: false, error: { file: 'big.csv', message: 'the file is 50 MB, larger than the 40 MB limit' } });
  });
});
