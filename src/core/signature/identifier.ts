/** Python's reserved words (`keyword.kwlist`): valid identifiers that cannot name a field. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/** Members of pydantic's BaseModel that a signature field may not replace (pydantic raises). */
const PYDANTIC_RESERVED: ReadonlySet<string> = new Set([
  'model_config', 'model_fields', 'model_computed_fields', 'model_extra', 'model_fields_set', 'model_construct',
  'model_copy', 'model_dump', 'model_dump_json', 'model_json_schema', 'model_parametrized_name', 'model_post_init',
  'model_rebuild', 'model_validate', 'model_validate_json', 'model_validate_strings',
]);

/** True when `name` is a Python identifier that is not a keyword: it can name a DSPy field. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name);
}

/**
 * Why `name` cannot be a DSPy field name, or undefined when it can. Beyond Python's rules,
 * pydantic (which DSPy signatures are built on) rejects names with a leading underscore.
 */
export function fieldNameProblem(name: string): string | undefined {
  if (name === '') return 'a field name is empty';
  if (PYTHON_KEYWORDS.has(name)) return `'${name}' is a Python keyword`;
  if (!IDENTIFIER.test(name)) return `'${name}' is not an identifier`;
  if (name.startsWith('_')) return `'${name}' starts with an underscore, which DSPy field names may not`;
  if (PYDANTIC_RESERVED.has(name)) return `'${name}' is reserved by pydantic, which DSPy signatures are built on`;
  return undefined;
}
