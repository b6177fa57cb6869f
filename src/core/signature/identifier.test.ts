import { describe, expect, it } from 'vitest';
import { fieldNameProblem, isIdentifier } from './identifier';

describe('isIdentifier (Python identifiers that are not keywords)', () => {
  it.each(['a', 'sum', '_x', 'next_tool_name', 'x2', 'größe', 'ответ', 'match', 'type', 'self'])('accepts %j', (name) => {
    expect(isIdentifier(name)).toBe(true);
  });

  it.each(['', '2x', 'a b', 'a-b', 'a.b', 'class', 'None', 'True', 'lambda', 'é!', '💡'])('rejects %j', (name) => {
    expect(isIdentifier(name)).toBe(false);
  });
});

describe('fieldNameProblem', () => {
  it('says why a name cannot be a DSPy field', () => {
    expect(fieldNameProblem('answer')).toBeUndefined();
    expect(fieldNameProblem('')).toBe('a field name is empty');
    expect(fieldNameProblem('if')).toBe("'if' is a Python keyword");
    expect(fieldNameProblem('2x')).toBe("'2x' is not an identifier");
    expect(fieldNameProblem('_hidden')).toBe("'_hidden' starts with an underscore, which DSPy field names may not");
    expect(fieldNameProblem('model_config')).toBe("'model_config' is reserved by pydantic, which DSPy signatures are built on");
  });
});
