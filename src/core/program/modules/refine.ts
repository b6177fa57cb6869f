import { attemptsCheck, attemptsConfig, attemptsPorts, attemptsTemplate, innerPredictor, runAttempts } from './attempts';
import { attemptsPython } from './best-of-n';
import type { ModuleType } from './types';

/** dspy.Refine: BestOfN that asks the LM for advice after each attempt below the threshold. */
export const refineModule = {
  id: 'Refine',
  label: 'Refine',
  description: 'Like Best of N, but after each attempt below the threshold the LM writes advice that the next attempt gets as a hint.',
  dspyClass: 'dspy.Refine',
  configSchema: attemptsConfig,
  template: attemptsTemplate,
  predictors: (node) => [innerPredictor(node)],
  ports: attemptsPorts,
  check: attemptsCheck,
  forward: (run, inputs) => runAttempts(run, inputs, 'Refine'),
  python: (node, signatureClass) => attemptsPython(node, signatureClass, 'dspy.Refine'),
} as const satisfies ModuleType;
