import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors';
import { PYTHON_KEYWORDS } from './identifier';
import { formatSignature, parseSignature } from './parse';

function errorOf(text: string): SignatureError {
  try {
    parseSignature(text);
  } catch (error) {
    if (error instanceof SignatureError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseSignature', () => {
  it('reads untyped fields as str and gives DSPy default instructions', () => {
    expect(parseSignature('question -> answer')).toEqual({
      instructions: 'Given the fields `question`, produce the fields `answer`.',
      inputs: [{ name: 'question', type: 'str' }],
      outputs: [{ name: 'answer', type: 'str' }],
    });
  });

  it('reads typed fields and keeps the order', () => {
    const signature = parseSignature('a: int, b: int -> sum: int');
    expect(signature.inputs).toEqual([
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ]);
    expect(signature.outputs).toEqual([{ name: 'sum', type: 'int' }]);
    expect(signature.instructions).toBe('Given the fields `a`, `b`, produce the fields `sum`.');
  });

  it('takes instructions as a second argument, an empty string included', () => {
    expect(parseSignature('q -> a', 'Be brief.').instructions).toBe('Be brief.');
    expect(parseSignature('q -> a', '').instructions).toBe('');
  });

  it('handles commas inside brackets and quotes, and stores canonical types', () => {
    const signature = parseSignature(`text, hints: list[str] -> label: Literal['a, b', "it's", 'x]y'], scores: dict[str, float], n: int | None`);
    expect(signature.inputs.map((f) => f.type)).toEqual(['str', 'list[str]']);
    expect(signature.outputs).toEqual([
      { name: 'label', type: `Literal['a, b', "it's", 'x]y']` },
      { name: 'scores', type: 'dict[str, float]' },
      { name: 'n', type: 'Optional[int]' },
    ]);
  });

  it('accepts what Python accepts around fields: spaces, newlines, a trailing comma, no inputs', () => {
    expect(parseSignature('  a ,\n b:int, -> c').inputs.map((f) => f.name)).toEqual(['a', 'b']);
    expect(parseSignature('-> joke').inputs).toEqual([]);
    expect(parseSignature('-> joke').instructions).toBe('Given the fields , produce the fields `joke`.');
  });

  it('accepts Unicode identifiers, as Python does', () => {
    expect(parseSignature('frage -> antwort_für_dich').outputs[0]?.name).toBe('antwort_für_dich');
  });

  it.each([
    ['question answer', "expected '->' between the inputs and the outputs", undefined],
    ['a -> b -> c', "more than one '->'", 8],
    ['a, a -> b', "duplicate field 'a'", 4],
    ['2x -> y', "'2x' is not an identifier", 1],
    ['a b -> c', "'a b' is not an identifier", 1],
    ['x -> class', "'class' is a Python keyword", 6],
    ['_x -> y', "'_x' starts with an underscore, which DSPy field names may not", 1],
    ['a -> model_dump', "'model_dump' is reserved by pydantic, which DSPy signatures are built on", 6],
    ['a: intt -> b', "unknown type 'intt' for field 'a'", 4],
    ['x -> x', "'x' is both an input and an output", 6],
    ['a,, b -> c', 'empty field between commas', 3],
    ['a: -> b', "missing type for field 'a'", 4],
    ['a: list[str -> b', "expected ']' for field 'a'", 13],
    ["a -> b: Literal['x' 'y']", "expected ',' or ']' for field 'b'", 21],
    ['a -> b: Literal[]', "'Literal' needs at least one value for field 'b'", 16],
    ['a -> b: dict[str]', "'dict[...]' takes 2 type arguments, got 1 for field 'b'", 13],
    ['a -> b: int | str', "unions other than 'X | None' are not supported for field 'b'", 9],
    ['a -> b: tuple[int]', "type 'tuple' for field 'b' is not supported", 9],
    ['a -> b: int[str]', "'int' takes no type arguments for field 'b'", 12],
    ["a -> b: Literal['x", "unterminated string in type for field 'b'", 17],
  ])('rejects %j: %s', (text, reason, column) => {
    const error = errorOf(text);
    expect(error.reason).toBe(reason);
    expect(error.column).toBe(column);
    expect(error.message).toBe(`invalid signature "${text}": ${reason}${column === undefined ? '' : ` (column ${column})`}`);
  });

  it('rejects every Python keyword as a field name', () => {
    for (const keyword of PYTHON_KEYWORDS) expect(errorOf(`${keyword} -> out`).reason).toBe(`'${keyword}' is a Python keyword`);
  });
});

describe('formatSignature', () => {
  it('writes the one-line form, leaving str fields untyped', () => {
    expect(formatSignature(parseSignature('question, k: int -> answer: Optional[list[str]]'))).toBe('question, k: int -> answer: Optional[list[str]]');
  });

  it('round-trips with parseSignature for any valid signature', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((n) => !PYTHON_KEYWORDS.has(n));
    // DSPy counts every '->' in the text, quoted or not, so literal values cannot hold one.
    const text = fc.string({ maxLength: 6 }).filter((t) => !t.includes('->'));
    const literal = fc.array(fc.oneof(text, fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3 });
    const type = fc.oneof(
      fc.constantFrom('str', 'int', 'float', 'bool', 'Any', 'list', 'dict', 'list[str]', 'dict[str, int]', 'Optional[int]', 'list[Optional[float]]'),
      literal.map((values) => `Literal[${values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v))).join(', ')}]`),
    );
    const fields = fc.uniqueArray(fc.record({ name, type }), { selector: (f) => f.name, minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fields, fc.nat(), (all, cut) => {
        const split = 1 + (cut % (all.length - 1));
        const text = `${all.slice(0, split).map((f) => `${f.name}: ${f.type}`).join(', ')} -> ${all.slice(split).map((f) => `${f.name}: ${f.type}`).join(', ')}`;
        const parsed = parseSignature(text);
        expect(parseSignature(formatSignature(parsed))).toEqual(parsed);
      }),
    );
  });
});
