/**
 * Column names become DSPy field names, which are Python attribute names in the exported
 * signature class and `[[ ## name ## ]]` markers in prompts. We accept ASCII identifiers only:
 * Python would take `größe`, but prompt parsers (ours and the sim's) match markers with an
 * ASCII `\w`, so a Unicode name would round-trip through DSPy yet break in the studio.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Hard keywords: `class Sig(dspy.Signature): from: str` is a syntax error. */
const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name);
}

/** Why `name` is not usable, or undefined when it is. */
export function identifierProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (PYTHON_KEYWORDS.has(name)) return 'is a Python keyword';
  if (/^[0-9]/.test(name)) return 'starts with a digit';
  if (!IDENTIFIER.test(name)) return 'has characters other than letters, digits and _';
  return undefined;
}

/**
 * A snake_case identifier close to `name`: accents dropped, every other run of non-identifier
 * characters turned into `_`. `fallback` is used when nothing identifier-like is left.
 */
export function suggestIdentifier(name: string, fallback = 'column'): string {
  let out = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (out === '') out = fallback;
  if (/^[0-9]/.test(out)) out = `${fallback}_${out}`;
  if (PYTHON_KEYWORDS.has(out)) out = `${out}_`;
  return out;
}
