export type DataFormat = 'csv' | 'json' | 'jsonl';

const BY_EXTENSION: Record<string, DataFormat> = {
  csv: 'csv',
  tsv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

export function formatFromName(name: string): DataFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? undefined : BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/**
 * Guesses from the content when the name says nothing (`data.txt`, a paste): `[` opens a JSON
 * array; a first line that is a whole JSON object followed by more lines is JSONL; another `{`
 * is a JSON object; anything else is CSV.
 */
export function sniffFormat(text: string): DataFormat {
  const start = text.search(/\S/);
  const first = text[start];
  if (first === '[') return 'json';
  if (first !== '{') return 'csv';
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1) return 'json';
  const firstLine = text.slice(start, lineEnd).trim();
  if (!hasContentAfter(text, lineEnd + 1)) return 'json';
  try {
    const parsed: unknown = JSON.parse(firstLine);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? 'jsonl' : 'json';
  } catch {
    return 'json';
  }
}

export function detectFormat(name: string, text: string, explicit?: DataFormat): DataFormat {
  return explicit ?? formatFromName(name) ?? sniffFormat(text);
}

function hasContentAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return true;
  }
  return false;
}
