/**
 * Reads the field lists of an Ax system message (`<input_fields>` / `<output_fields>`) into the
 * sim's `SimField`s, so that an Ax program meets the same task models as a DSPy one:
 *   input:  "Ticket Text: the customer's message"
 *   output: "Label (wire key: `label`): (This classification class field must be included)Allowed values: a, b"
 * An Ax `class` becomes `Literal['a', 'b']`, `number` becomes `float`, `boolean` becomes `bool`.
 */
import type { SimField } from '../types';

/** A field of an Ax prompt: the sim's field plus the title Ax shows in user and demo lines. */
export interface AxField extends SimField {
  title: string;
}

const OUTPUT_LINE = /^(.+?) \(wire key: `([^`]+)`\):\s*(.*)$/;
const INPUT_LINE = /^([A-Z0-9][^:]*):\s*(.*)$/;
const TYPE_NOTE = /^\((?:This (.+?) field must be included|Only include this (.+?) field if its value is available)\)\s*/;
const ALLOWED = /(?:^|\.\s*|\s)Allowed values: (.+)$/;

/** The text between `<tag>` and `</tag>`, or null when the tag is absent. */
export function axSection(text: string, tag: string): string | null {
  const start = text.indexOf(`<${tag}>`);
  const end = text.indexOf(`</${tag}>`, start);
  if (start < 0 || end < 0) return null;
  return text.slice(start + tag.length + 2, end).trim();
}

/** Ax's titles are its camelCase names split into capitalised words: "Ticket Text" ← ticketText. */
export function nameFromTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function simType(axType: string, allowed: string[]): string {
  const t = axType.toLowerCase();
  if (allowed.length > 0 || t.includes('class')) return `Literal[${allowed.map((o) => `'${o.replace(/'/g, "\\'")}'`).join(', ')}]`;
  if (t.includes('list') || t.includes('array')) return 'list';
  if (t === 'number') return 'float';
  if (t === 'boolean') return 'bool';
  if (t === 'json' || t === 'object') return 'dict';
  return 'str';
}

/** The lines of a section after its bold "**Input Fields**: …" lead-in. */
function fieldLines(section: string): string[] {
  return section
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('**'));
}

export function parseAxOutputs(section: string): AxField[] {
  const fields: AxField[] = [];
  for (const line of fieldLines(section)) {
    const match = OUTPUT_LINE.exec(line);
    if (!match) {
      const last = fields[fields.length - 1];
      if (last) last.desc = last.desc ? `${last.desc}\n${line}` : line;
      continue;
    }
    let rest = match[3] ?? '';
    const note = TYPE_NOTE.exec(rest);
    const axType = note ? (note[1] ?? note[2] ?? '') : 'string';
    if (note) rest = rest.slice(note[0].length);
    const allowedMatch = ALLOWED.exec(rest);
    const allowed = allowedMatch ? (allowedMatch[1] ?? '').split(',').map((o) => o.trim()).filter(Boolean) : [];
    if (allowedMatch) rest = rest.slice(0, allowedMatch.index);
    fields.push({ name: match[2] ?? '', title: (match[1] ?? '').trim(), type: simType(axType, allowed), desc: rest.trim() });
  }
  return fields;
}

export function parseAxInputs(section: string): AxField[] {
  const fields: AxField[] = [];
  for (const line of fieldLines(section)) {
    const match = INPUT_LINE.exec(line);
    if (match) {
      const title = (match[1] ?? '').trim();
      fields.push({ name: nameFromTitle(title), title, type: 'str', desc: (match[2] ?? '').trim() });
    }
  }
  return fields;
}

/**
 * `Title: value` (or `wireKey: value`) lines into values by field name; a value runs on over
 * following lines until the next known field starts. Text before the first field is ignored.
 */
export function axLineValues(text: string, fields: readonly AxField[]): Record<string, string> {
  const heads = fields.flatMap((f) => [`${f.title}:`, `${f.name}:`].map((head) => ({ head, name: f.name })));
  const out: Record<string, string[]> = {};
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    const hit = heads.find((h) => trimmed.startsWith(h.head));
    if (hit && !(hit.name in out)) {
      current = hit.name;
      out[current] = [trimmed.slice(hit.head.length).trim()];
    } else if (current) (out[current] as string[]).push(line);
  }
  const values: Record<string, string> = {};
  for (const [name, lines] of Object.entries(out)) {
    const value = lines.join('\n').trim();
    if (value) values[name] = value;
  }
  return values;
}
