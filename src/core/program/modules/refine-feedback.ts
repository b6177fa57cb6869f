/**
 * Refine's advice request: DSPy's `OfferFeedback` signature, asked after an attempt whose reward
 * is below the threshold. It is an ad-hoc LM call (traced, never optimized or exported), as in
 * DSPy where `dspy.Predict(OfferFeedback)` is built inside `forward`.
 */
import type { Signature } from '../../signature/types';
import type { ModuleRun, PredictorSpec } from './types';

const OFFER_FEEDBACK: Signature = {
  instructions: [
    'In the discussion, assign blame to each module that contributed to the final reward being below the threshold, if',
    'any. Then, prescribe concrete advice of how the module should act on its future input when we retry the process, if',
    'it were to receive the same or similar inputs. If a module is not to blame, the advice should be N/A.',
    'The module will not see its own history, so it needs to rely on entirely concrete and actionable advice from you',
    'to avoid the same mistake on the same or similar inputs.',
  ].join('\n'),
  inputs: [
    { name: 'program_code', type: 'str', desc: 'The code of the program that we are analyzing' },
    { name: 'modules_defn', type: 'str', desc: 'The definition of each module in the program, including its I/O' },
    { name: 'program_inputs', type: 'str', desc: 'The inputs to the program that we are analyzing' },
    { name: 'program_trajectory', type: 'str', desc: "The trajectory of the program's execution, showing each module's I/O" },
    { name: 'program_outputs', type: 'str', desc: 'The outputs of the program that we are analyzing' },
    { name: 'reward_code', type: 'str', desc: 'The code of the reward function that we are analyzing' },
    { name: 'target_threshold', type: 'float', desc: 'The target threshold for the reward function' },
    { name: 'reward_value', type: 'float', desc: "The reward value assigned to the program's outputs" },
    { name: 'module_names', type: 'list[str]', desc: 'The names of the modules in the program, for which we seek advice' },
  ],
  outputs: [
    { name: 'discussion', type: 'str', desc: 'Discussing blame of where each module went wrong, if it did' },
    {
      name: 'advice',
      type: 'dict[str, str]',
      desc: 'For each module, describe very concretely, in this order: the specific scenarios in which it has made mistakes in the past and what each mistake was, followed by what it should do differently in that kind ofscenario in the future. If the module is not to blame, write N/A.',
    },
  ],
};

const SEPARATOR = '-'.repeat(80);
const dump = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const fieldLines = (fields: Signature['inputs']) => fields.map((f, i) => `\t\t${i + 1}. \`${f.name}\` (${f.type})${f.desc ? `: ${f.desc}` : ''}`).join('\n');

/** `inspect_modules` in DSPy's refine.py: each predictor's fields and instructions. */
function modulesDefinition(name: string, signature: Signature): string {
  const instructions = signature.instructions.split('\n').map((l) => `\n\t\t${l}`).join('');
  return [SEPARATOR, `Module ${name}`, '\tInput Fields:', fieldLines(signature.inputs), '\tOutput Fields:', fieldLines(signature.outputs), `\tOriginal Instructions: ${instructions}`, SEPARATOR].join('\n');
}

export interface FeedbackInput {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  reward: number;
  threshold: number;
  rewardCode: string;
}

/** Asks for advice per inner predictor; returns DSPy's `advice` dict (module name → advice). */
export async function offerFeedback(run: ModuleRun, spec: PredictorSpec, name: string, attempt: FeedbackInput): Promise<Record<string, unknown>> {
  const innerClass = spec.path === 'module' ? 'dspy.Predict' : 'dspy.ChainOfThought';
  const args = {
    program_code: `${innerClass}(${spec.signature.inputs.map((f) => f.name).join(', ')} -> ${run.node.signature.outputs.map((f) => f.name).join(', ')})`,
    modules_defn: modulesDefinition(name, spec.signature),
    program_inputs: dump(attempt.inputs),
    program_trajectory: dump([{ module_name: name, inputs: attempt.inputs, outputs: attempt.outputs }]),
    program_outputs: dump(attempt.outputs),
    reward_code: attempt.rewardCode,
    target_threshold: attempt.threshold,
    reward_value: attempt.reward,
    module_names: dump([name]),
  };
  const [reply] = await run.predictAdHoc(`${run.node.name} (feedback)`, OFFER_FEEDBACK, args);
  const advice = reply?.advice;
  return typeof advice === 'object' && advice !== null ? (advice as Record<string, unknown>) : {};
}
