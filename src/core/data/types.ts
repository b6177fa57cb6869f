import type { Field } from '../signature/types';

export type Split = 'train' | 'dev' | 'test';

export interface Example {
  id: string;
  /** Field values by name: inputs and labels together, as in a DSPy Example. */
  data: Record<string, unknown>;
  split?: Split;
}

export interface Dataset {
  id: string;
  name: string;
  /** Every column, with an inferred DSPy type. */
  fields: Field[];
  /** The columns that are program inputs; the rest are labels. */
  inputKeys: string[];
  rows: Example[];
}
