import type { Signature } from '../../signature/types';
import type { ModuleType } from './types';

/** DSPy's ChainOfThought prepends this output; its description is DSPy's `${reasoning}` default. */
export const REASONING_FIELD = { name: 'reasoning', type: 'str' } as const;

export function withReasoning(signature: Signature): Signature {
  const outputs = signature.outputs.filter((f) => f.name !== REASONING_FIELD.name);
  return { ...signature, outputs: [{ ...REASONING_FIELD }, ...outputs] };
}

/** dspy.ChainOfThought: a Predict at `.predict` whose signature gains `reasoning` as first output. */
export const chainOfThoughtModule = {
  id: 'ChainOfThought',
  label: 'Chain of Thought',
  description: 'Reasons step by step (a `reasoning` output written first), then answers. One LM call.',
  dspyClass: 'dspy.ChainOfThought',
  predictors: (node) => [{ path: 'predict', signature: withReasoning(node.signature) }],
  ports: (node) => {
    const extended = withReasoning(node.signature);
    return { inputs: extended.inputs, outputs: extended.outputs };
  },
  forward: (run, inputs) => run.predict('predict', inputs),
} as const satisfies ModuleType;
