/**
 * A field type written the way DSPy writes it in Python: `str`, `int`, `float`, `bool`,
 * `list[str]`, `dict`, `Literal['yes', 'no']`, `Optional[int]`, ... Kept as text so that it
 * survives into DSPy exports unchanged; `parseFieldType` turns it into a `TypeSpec`.
 */
export type FieldType = string;

export interface Field {
  /** A Python identifier: it must survive into DSPy. */
  name: string;
  type: FieldType;
  /** Free-text description; absent means DSPy's default `${name}` placeholder. */
  desc?: string;
}

export interface Signature {
  instructions: string;
  inputs: Field[];
  outputs: Field[];
}

/** One few-shot demonstration: field values by name. Bootstrapped demos carry `augmented: true`. */
export type Demo = Record<string, unknown> & { augmented?: boolean };
