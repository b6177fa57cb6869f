/**
 * The prompt-model signatures COPRO and MIPROv2 send, with DSPy's field names (providers and the
 * sim see the same prompts DSPy would send, and DSPy users recognise them in the trace). The
 * instruction texts are ours, saying the same thing as DSPy's docstrings.
 */
import type { Field, Signature } from '../signature/types';

const str = (name: string, desc?: string): Field => (desc === undefined ? { name, type: 'str' } : { name, type: 'str', desc });

/** COPRO's first round: an instruction (and output prefix) from the predictor's current one. */
export const BASIC_GENERATE_INSTRUCTION: Signature = {
  instructions:
    'You are an instruction optimizer for large language models. I will give you a ``signature`` of fields (inputs and outputs) in English. ' +
    'Propose an instruction that will lead a good language model to perform the task well. Feel free to be creative.',
  inputs: [str('basic_instruction', 'The instruction as it is now, before optimization')],
  outputs: [
    str('proposed_instruction', 'A better instruction for the language model'),
    str('proposed_prefix_for_output_field', 'A short label placed before the output, to help the model begin its answer'),
  ],
};

/** COPRO's later rounds: a new instruction from the scored attempts, listed worst to best. */
export const GENERATE_INSTRUCTION_GIVEN_ATTEMPTS: Signature = {
  instructions:
    "You are an instruction optimizer for large language models. Below are task instructions I have tried, each with its validation score; they are listed in increasing order of score, so later ones worked better.\n\n" +
    'Propose a new instruction that will lead a good language model to perform the task even better. Feel free to be creative.',
  inputs: [str('attempted_instructions')],
  outputs: [
    str('proposed_instruction', 'A better instruction for the language model'),
    str('proposed_prefix_for_output_field', 'A short label placed before the output, to help the model begin its answer'),
  ],
};

/** MIPROv2's dataset summary, first batch. */
export const DATASET_DESCRIPTOR: Signature = {
  instructions:
    'Look at several examples from a dataset and write observations about trends that hold for most or all of them. ' +
    'You may consider topics, content, syntax, conciseness and so on. Make an educated guess about the task this dataset is meant for; feel free to be creative.',
  inputs: [str('examples', 'A few data points sampled from the dataset')],
  outputs: [str('observations', 'What holds for most or all of the data points shown')],
};

/** MIPROv2's dataset summary, later batches: add to what was observed, or say COMPLETE. */
export const DATASET_DESCRIPTOR_WITH_PRIOR: Signature = {
  instructions:
    'Look at several examples from a dataset and write observations about trends that hold for most or all of them. ' +
    "I also give you the observations I have made so far: add your own, or answer 'COMPLETE' if you find them comprehensive. " +
    'You may consider topics, content, syntax, conciseness and so on. Make an educated guess about the task this dataset is meant for; feel free to be creative.',
  inputs: [str('examples', 'A few data points sampled from the dataset'), str('prior_observations', 'Observations already made about the data')],
  outputs: [str('observations', 'What holds for most or all of the data points shown, or COMPLETE when there is nothing to add')],
};

export const OBSERVATION_SUMMARIZER: Signature = {
  instructions: 'Summarize the observations I have made about my dataset in a brief summary of two or three sentences that keeps only the most important details.',
  inputs: [str('observations', 'Observations made about the dataset')],
  outputs: [str('summary', 'The most significant observations, in two or three sentences')],
};

export const DESCRIBE_PROGRAM: Signature = {
  instructions:
    'Below is pseudo-code for a pipeline that solves a task with calls to language models. Describe what kind of task the program appears to be built for, and how it appears to work.',
  inputs: [
    str('program_code', 'Code of a language model program built to solve a task.'),
    str('program_example', 'Examples of the program at work.'),
  ],
  outputs: [str('program_description', 'What task the program solves, and how it goes about it.')],
};

export const DESCRIBE_MODULE: Signature = {
  instructions: 'Below is pseudo-code for a pipeline that solves a task with calls to language models. Describe the purpose of the named module within this pipeline.',
  inputs: [
    str('program_code', 'Code of a language model program built to solve a task.'),
    str('program_example', 'Examples of the program at work.'),
    str('program_description', 'What task the program solves, and how it goes about it.'),
    str('module', 'The module of the program to describe.'),
  ],
  outputs: [str('module_description', 'What this module does within the program.')],
};

/**
 * MIPROv2's GenerateSingleModuleInstruction with the grounding inputs on (program-aware, data-
 * aware, demo-aware). As DSPy, `tip` is left out when the drawn tip is empty, and
 * `previous_instructions` only appears with history (MIPROv2 proposes without it).
 */
export function generateSingleModuleInstruction(options: { history: boolean; tip: boolean }): Signature {
  return {
    instructions:
      'Use the information below to learn about a task that we are trying to solve with calls to an LM, then write a new instruction that will be used to prompt a Language Model to solve the task better.',
    inputs: [
      str('dataset_description', 'What the dataset looks like.'),
      str('program_code', 'Code of the language model program.'),
      str('program_description', 'What task the program solves, and how it goes about it.'),
      str('module', 'The module that needs an instruction.'),
      str('module_description', 'What that module does.'),
      str('task_demos', 'Example inputs and outputs of the module.'),
      ...(options.history ? [str('previous_instructions', 'Instructions tried before, each with its score.')] : []),
      str('basic_instruction', 'The current instruction.'),
      ...(options.tip ? [str('tip', 'A hint on how to write the new instruction.')] : []),
    ],
    outputs: [str('proposed_instruction', 'The instruction to prompt a Language Model with for this task.')],
  };
}

/** DSPy's proposer tips, by key; one is drawn at random per proposal. */
export const PROPOSER_TIPS = {
  none: '',
  creative: 'Feel free to be creative when writing the new instruction.',
  simple: 'Keep the instruction simple, clear and concise.',
  description: 'Make the instruction informative and descriptive.',
  high_stakes: 'Frame the task as a high stakes scenario that the LM must get right.',
  persona: 'Give the instruction a persona that fits the task (for example "You are a ...").',
} as const;

export type ProposerTip = keyof typeof PROPOSER_TIPS;

/** DSPy's `strip_prefix`: drops a leading "Proposed Instruction:"-style label and outer quotes. */
export function stripPrefix(text: string): string {
  return text.replace(/^[*\s]*(([\w'-]+\s+){0,4}[\w'-]+):\s*/, '').replace(/^"+|"+$/g, '');
}
