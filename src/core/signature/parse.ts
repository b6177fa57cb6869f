import { defaultInstructions } from './build';
import { SignatureError } from './errors';
import { formatFieldType, parseFieldType } from './field-type';
import { fieldNameProblem } from './identifier';
import { parseTypeExpression } from './type-syntax';
import type { Field, Signature } from './types';

interface Located {
  field: Field;
  /** 1-based column of the field name. */
  column: number;
}

/**
 * Parses DSPy's one-line signature syntax, e.g. `"a: int, b: int -> sum: int"`. Untyped
 * fields are `str`; types are stored in their canonical spelling (`int | None` becomes
 * `Optional[int]`). Without `instructions`, DSPy's default sentence is used.
 * Throws `SignatureError` saying what is wrong and at which column.
 */
export function parseSignature(text: string, instructions?: string): Signature {
  const arrows = indexesOf(text, '->');
  const [arrow, second] = arrows;
  if (arrow === undefined) throw new SignatureError("expected '->' between the inputs and the outputs", undefined, text);
  if (second !== undefined) throw new SignatureError("more than one '->'", second + 1, text);

  const inputs = parseSide(text, 0, arrow);
  const outputs = parseSide(text, arrow + 2, text.length);
  for (const output of outputs) {
    if (inputs.some((input) => input.field.name === output.field.name)) {
      throw new SignatureError(`'${output.field.name}' is both an input and an output`, output.column, text);
    }
  }
  const inputFields = inputs.map((f) => f.field);
  const outputFields = outputs.map((f) => f.field);
  return {
    instructions: instructions ?? defaultInstructions(inputFields, outputFields),
    inputs: inputFields,
    outputs: outputFields,
  };
}

/** The one-line form, `a: int, b: int -> sum: int` (`str` fields untyped); round-trips with `parseSignature`. */
export function formatSignature(signature: Pick<Signature, 'inputs' | 'outputs'>): string {
  const side = (fields: Field[]) =>
    fields
      .map((f) => {
        const type = canonicalOrRaw(f.type);
        return type === 'str' ? f.name : `${f.name}: ${type}`;
      })
      .join(', ');
  return `${side(signature.inputs)} -> ${side(signature.outputs)}`;
}

function canonicalOrRaw(type: string): string {
  try {
    return formatFieldType(parseFieldType(type));
  } catch {
    return type;
  }
}

function parseSide(text: string, start: number, end: number): Located[] {
  const pieces = splitTopLevel(text, start, end, ',');
  const fields: Located[] = [];
  pieces.forEach(([from, to], i) => {
    const piece = text.slice(from, to);
    if (piece.trim() === '') {
      const onlyPiece = pieces.length === 1;
      const trailingComma = i === pieces.length - 1 && i > 0;
      if (onlyPiece || trailingComma) return;
      throw new SignatureError('empty field between commas', from + 1, text);
    }
    const located = parseField(text, from, to);
    const duplicate = fields.find((f) => f.field.name === located.field.name);
    if (duplicate) throw new SignatureError(`duplicate field '${located.field.name}'`, located.column, text);
    fields.push(located);
  });
  return fields;
}

function parseField(text: string, from: number, to: number): Located {
  const colon = splitTopLevel(text, from, to, ':')[0]?.[1] ?? to;
  const rawName = text.slice(from, colon);
  const name = rawName.trim();
  const column = from + (rawName.length - rawName.trimStart().length) + 1;
  const problem = fieldNameProblem(name);
  if (problem) throw new SignatureError(problem, column, text);
  if (colon === to) return { field: { name, type: 'str' }, column };

  try {
    const spec = parseTypeExpression(text.slice(colon + 1, to), { offset: colon + 1, field: name });
    return { field: { name, type: formatFieldType(spec) }, column };
  } catch (error) {
    if (error instanceof SignatureError) throw new SignatureError(error.reason, error.column, text);
    throw error;
  }
}

/** Half-open ranges between top-level separators, skipping brackets and quoted strings. */
function splitTopLevel(text: string, start: number, end: number, separator: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = skipQuoted(text, i, end);
    } else if (ch === '[' || ch === '(') {
      depth++;
    } else if ((ch === ']' || ch === ')') && depth > 0) {
      depth--;
    } else if (ch === separator && depth === 0) {
      ranges.push([from, i]);
      from = i + 1;
    }
  }
  ranges.push([from, end]);
  return ranges;
}

/** Index of the closing quote of the string opened at `open` (or the last index before `end`). */
function skipQuoted(text: string, open: number, end: number): number {
  const quote = text[open];
  for (let i = open + 1; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return end - 1;
}

function indexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}
