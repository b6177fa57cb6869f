/**
 * SIMBA's two ways to grow a candidate from one example's bucket of trajectories:
 * `appendDemo` turns the best trajectory into demos, `appendRule` asks the prompt model (an
 * OfferFeedback call with DSPy's field names) to contrast a better and a worse trajectory and
 * appends its advice to each predictor's instructions.
 */
import { runPredictor } from '../adapters/predict';
import type { Example } from '../data/types';
import type { LM } from '../lm/types';
import type { Prediction, ProgramState } from '../program/types';
import type { Field, Signature } from '../signature/types';

/** One sampled run of a program on one example, scored. */
export interface Trajectory {
  example: Example;
  prediction: Prediction;
  score: number;
  feedback?: string;
}

export interface StrategyInput {
  /** The example's trajectories, best first. */
  bucket: Trajectory[];
  /** The candidate being built (mutated in place: it is a private copy). */
  candidate: ProgramState;
  batch10p: number;
  batch90p: number;
  inputKeys: string[];
  demoInputFieldMaxlen: number;
}

const str = (name: string, desc: string): Field => ({ name, type: 'str', desc });

/** DSPy's OfferFeedback signature: the sim and real models recognise it by `module_advice`. */
export const OFFER_FEEDBACK: Signature = {
  instructions:
    'You will see two trajectories of an LLM-driven program running on the same input: a better one and a worse one. Help the program\'s modules learn from them, so that they earn a higher reward on similar inputs in the future.\n\n' +
    'The modules will not see this history; they will only see your advice, so make it concrete yet general. Skip boilerplate: give advice that changes behaviour. Advice for a module must be about that module\'s own sub-task. Base it on what the better trajectory did that the worse one did not. Use every module name exactly once as a key.',
  inputs: [
    str('program_code', 'The code of the program being analyzed'),
    str('modules_defn', 'Each module of the program with its input and output fields'),
    str('program_inputs', 'The inputs of the program on this example'),
    str('oracle_metadata', 'Hidden metadata about this training example (its labels)'),
    str('worse_program_trajectory', "The worse run: each module's inputs and outputs"),
    str('worse_program_outputs', 'The outputs of the worse run'),
    { name: 'worse_reward_value', type: 'float', desc: "The reward of the worse run's outputs" },
    str('worse_reward_info', 'More about how the worse reward was assigned'),
    str('better_program_trajectory', "The better run: each module's inputs and outputs"),
    str('better_program_outputs', 'The outputs of the better run'),
    { name: 'better_reward_value', type: 'float', desc: "The reward of the better run's outputs" },
    str('better_reward_info', 'More about how the better reward was assigned'),
    { name: 'module_names', type: 'list[str]', desc: 'The modules to advise' },
  ],
  outputs: [
    str('discussion', 'Where each module went wrong, if it did'),
    {
      name: 'module_advice',
      type: 'dict[str, str]',
      desc: 'For each module, concretely: if the module receives <inputs or patterns in them>, then it should <content, behaviour or strategy to adopt or avoid>, so that with this tip it acts like the better trajectory.',
    },
  ],
};

const json = (value: unknown) => JSON.stringify(value, null, 2);

function truncate(value: unknown, max: number): unknown {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return max > 0 && text.length > max ? `${text.slice(0, max)}\n\t\t... <TRUNCATED FOR BREVITY>` : value;
}

/** Best trajectory -> one demo per predictor (the last call of each), when it is not a bottom score. */
export function appendDemo(input: StrategyInput): boolean {
  const good = input.bucket[0];
  if (!good || good.score <= input.batch10p) return false;
  const demos = new Map<string, Record<string, unknown>>();
  for (const step of good.prediction.trace) {
    if (step.error) continue;
    const inputs = Object.fromEntries(Object.entries(step.inputs).map(([k, v]) => [k, truncate(v, input.demoInputFieldMaxlen)]));
    demos.set(step.predictor, { augmented: true, ...inputs, ...step.outputs });
  }
  for (const [name, demo] of demos) {
    const state = input.candidate[name];
    if (state) input.candidate[name] = { ...state, demos: [...state.demos, demo] };
  }
  return true;
}

function trajectoryOf(t: Trajectory | null) {
  return t ? t.prediction.trace.map((s) => ({ module_name: s.predictor, inputs: s.inputs, outputs: s.outputs })) : [];
}

function describeModules(state: ProgramState): string {
  const line = '-'.repeat(80);
  const blocks = Object.entries(state).map(([name, s]) => {
    const fields = (fs: Field[]) => fs.map((f, i) => `\t\t${i + 1}. \`${f.name}\` (${f.type})${f.desc ? `: ${f.desc}` : ''}`).join('\n');
    return `Module ${name}\n\tInput Fields:\n${fields(s.signature.inputs)}\n\tOutput Fields:\n${fields(s.signature.outputs)}\n\tOriginal Instructions: ${s.signature.instructions}`;
  });
  return [line, ...blocks.flatMap((b) => [b, line])].join('\n');
}

/** Contrasts the best and worst trajectories through OfferFeedback and appends the advice. */
export async function appendRule(input: StrategyInput, lm: LM, signal: AbortSignal): Promise<boolean> {
  let good: Trajectory | null = input.bucket[0] ?? null;
  let bad: Trajectory | null = input.bucket[input.bucket.length - 1] ?? null;
  if (!good || !bad || good.score <= input.batch10p || bad.score >= input.batch90p) return false;
  // No contrast: keep only the side that says something (a high score, or a low one).
  if (good.score <= bad.score) {
    if (good.score > input.batch90p) bad = null;
    else good = null;
  }
  const example = (good ?? bad)?.example;
  if (!example) return false;
  const names = Object.keys(input.candidate);
  const labels = Object.fromEntries(Object.entries(example.data).filter(([k]) => !input.inputKeys.includes(k)));
  const inputs = {
    program_code: `A program of ${names.length} module(s): ${names.join(', ')}.`,
    modules_defn: describeModules(input.candidate),
    program_inputs: json(Object.fromEntries(input.inputKeys.map((k) => [k, example.data[k]]))),
    oracle_metadata: json(labels),
    worse_program_trajectory: json(trajectoryOf(bad)),
    worse_program_outputs: json(bad ? bad.prediction.outputs : { 'N/A': 'Prediction not available' }),
    worse_reward_value: bad ? bad.score : 'N/A',
    worse_reward_info: json(bad?.feedback ? { feedback: bad.feedback } : {}),
    better_program_trajectory: json(trajectoryOf(good)),
    better_program_outputs: json(good ? good.prediction.outputs : { 'N/A': 'Prediction not available' }),
    better_reward_value: good ? good.score : 'N/A',
    better_reward_info: json(good?.feedback ? { feedback: good.feedback } : {}),
    module_names: names,
  };
  const result = await runPredictor(lm, OFFER_FEEDBACK, [], inputs, { signal });
  const advice = result.outputs?.module_advice;
  if (!advice || typeof advice !== 'object') throw new Error(`OfferFeedback gave no module_advice${result.error ? `: ${result.error}` : ''}`);
  for (const name of names) {
    const tip = (advice as Record<string, unknown>)[name];
    const state = input.candidate[name];
    if (typeof tip !== 'string' || !state) continue;
    input.candidate[name] = { ...state, signature: { ...state.signature, instructions: `${state.signature.instructions}\n\n${tip}` } };
  }
  return true;
}
