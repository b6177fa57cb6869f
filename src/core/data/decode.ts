import { DataImportError } from './errors';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface RawFile {
  name: string;
  bytes: Uint8Array | string;
}

/**
 * The file's text, BOM stripped, after the checks that come before any parsing: the size limit
 * and UTF-8 validity. A string input is already decoded; its size is counted as UTF-8.
 */
export function decodeFile(file: RawFile, maxBytes: number): string {
  const size = typeof file.bytes === 'string' ? utf8Length(file.bytes) : file.bytes.byteLength;
  if (size > maxBytes) {
    throw new DataImportError({
      file: file.name,
      message: `the file is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} limit`,
    });
  }
  if (size === 0) throw new DataImportError({ file: file.name, message: 'the file is empty' });

  const text = typeof file.bytes === 'string' ? stripBom(file.bytes) : decodeUtf8(file.name, file.bytes);
  if (text === '') throw new DataImportError({ file: file.name, message: 'the file is empty' });
  if (text.trim() === '') {
    throw new DataImportError({ file: file.name, message: 'the file contains only whitespace' });
  }
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeUtf8(name: string, bytes: Uint8Array): string {
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    const offset = at ?? 0;
    const byte = bytes[offset] ?? 0;
    throw new DataImportError({
      file: name,
      line: lineOfByte(bytes, offset),
      message:
        `the file is not valid UTF-8: byte ${offset + 1} is 0x${byte.toString(16).toUpperCase().padStart(2, '0')}` +
        ' (probably saved as Latin-1 or Windows-1252); save it as UTF-8 and upload it again',
    });
  }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    // Only the first continuation byte has a narrowed range.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return undefined;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** UTF-8 byte length without allocating an encoded copy (the file may be hundreds of MB). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${trim(n / 1024)} KB`;
  return `${trim(n / (1024 * 1024))} MB`;
}

function trim(x: number): string {
  const text = x.toFixed(1);
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
