import type { ModuleType } from './types';

/** dspy.Predict: one LM call from the signature's inputs to its outputs. */
export const predictModule = {
  id: 'Predict',
  label: 'Predict',
  description: 'One LM call that maps the input fields to the output fields.',
  dspyClass: 'dspy.Predict',
  predictors: (node) => [{ path: '', signature: node.signature }],
  ports: (node) => ({ inputs: node.signature.inputs, outputs: node.signature.outputs }),
  forward: (run, inputs) => run.predict('', inputs),
} as const satisfies ModuleType;
