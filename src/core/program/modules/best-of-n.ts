import { attemptsCheck, attemptsConfig, attemptsPorts, attemptsTemplate, innerPredictor, runAttempts } from './attempts';
import { describeReward } from './reward';
import type { ModuleType, PythonParts } from './types';
import type { ModuleNode } from '../types';

/** The Python of BestOfN and Refine: the inner module and a reward function to port by hand. */
export function attemptsPython(node: ModuleNode, signatureClass: string, dspyClass: string): PythonParts {
  const config = attemptsConfig.safeParse(node.config).data;
  const inner = innerPredictor(node).path === 'module' ? 'dspy.Predict' : 'dspy.ChainOfThought';
  const reward = `${node.name}_reward`;
  const code = config ? describeReward(config.reward) : '(no reward configured)';
  return {
    preamble: [
      [
        `def ${reward}(args, pred):`,
        '    # Port this reward from the studio; it is not translated automatically:',
        ...code.split('\n').map((line) => `    #     ${line}`),
        `    raise NotImplementedError(${JSON.stringify(`the reward of '${node.name}' must be ported to Python`)})`,
      ].join('\n'),
    ],
    init: `${dspyClass}(module=${inner}(${signatureClass}), N=${config?.N ?? 3}, reward_fn=${reward}, threshold=${config?.threshold ?? 1}, fail_count=${config?.fail_count ?? 'None'})`,
  };
}

/** dspy.BestOfN: N fresh attempts of the inner module, the first at the threshold or the best. */
export const bestOfNModule = {
  id: 'BestOfN',
  label: 'Best of N',
  description: 'Runs a Predict or Chain of Thought up to N times at temperature 1 and keeps the attempt with the best reward.',
  dspyClass: 'dspy.BestOfN',
  configSchema: attemptsConfig,
  template: attemptsTemplate,
  predictors: (node) => [innerPredictor(node)],
  ports: attemptsPorts,
  check: attemptsCheck,
  forward: (run, inputs) => runAttempts(run, inputs, 'BestOfN'),
  python: (node, signatureClass) => attemptsPython(node, signatureClass, 'dspy.BestOfN'),
} as const satisfies ModuleType;
