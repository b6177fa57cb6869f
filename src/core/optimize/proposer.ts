/**
 * MIPROv2's grounded proposer: for each predictor and each of N demo sets, one instruction from
 * GenerateSingleModuleInstruction, grounded in the dataset summary, the program's code and a
 * description of the program and of the module (two describe calls), up to 3 bootstrapped demos
 * from that set and its neighbours, the current instruction and a random tip. Each proposal's
 * three calls share a fresh rolloutId at the proposer's temperature, so every proposal is a new
 * sample. Candidate 0 is the original instruction (as DSPy, which makes and then discards a
 * proposal in its place: 3 calls per predictor saved here). Proposals run concurrently; the
 * random draws are made first, in order, and results are kept by index: same seed, same list.
 */
import { runPredictor } from '../adapters/predict';
import type { ProgramState } from '../program/types';
import type { Rng } from '../random';
import { fieldPrefix } from '../signature/prefix';
import { pyStr } from '../signature/py-value';
import type { Demo, Signature } from '../signature/types';
import { DESCRIBE_MODULE, DESCRIBE_PROGRAM, generateSingleModuleInstruction, PROPOSER_TIPS, stripPrefix, type ProposerTip } from './proposer-signatures';
import type { OptimizerContext } from './types';

export const DEMOS_IN_CONTEXT = 3;
const NO_DEMOS = 'No task demos provided.';

export interface GroundedProposerOptions {
  /** The program whose instructions are proposed (its current instructions are the basic ones). */
  state: ProgramState;
  /** Candidate demo sets; their bootstrapped demos ground the proposals. Empty: none. */
  demoSets: ProgramState[];
  /** Instructions wanted per predictor (N). */
  count: number;
  datasetDescription: string;
  programCode: string;
  temperature: number;
  rng: Rng;
}

/** Proposals per predictor: N, but at most one per demo set when there are demo sets (as DSPy). */
export function proposalsPerPredictor(count: number, demoSets: number): number {
  return demoSets > 0 ? Math.min(count, demoSets) : count;
}

/** DSPy's `create_example_string`: one "Prefix: value" line per signature field. */
function exampleString(signature: Signature, demo: Demo): string {
  return [...signature.inputs, ...signature.outputs].map((f) => `${fieldPrefix(f.name)} ${pyStr(demo[f.name] ?? null)}`).join('\n');
}

/** Up to DEMOS_IN_CONTEXT bootstrapped demos from set `index`, then the sets after it, then before it. */
export function taskDemos(predictor: string, signature: Signature, demoSets: ProgramState[], index: number): string {
  if (index === 0 || demoSets.length === 0) return NO_DEMOS;
  const order = [...demoSets.slice(index), ...demoSets.slice(0, index)];
  const picked: string[] = [];
  for (const set of order) {
    for (const demo of set[predictor]?.demos ?? []) {
      if (picked.length >= DEMOS_IN_CONTEXT) break;
      if ('augmented' in demo) picked.push(exampleString(signature, demo));
    }
  }
  const text = `${picked.join('\n\n')}\n\n`;
  return text.trim() ? text : NO_DEMOS;
}

interface Job {
  predictor: string;
  signature: Signature;
  demoSet: number;
  tip: ProposerTip;
  rolloutId: number;
}

async function proposeOne(ctx: OptimizerContext, options: GroundedProposerOptions, job: Job): Promise<string | undefined> {
  const lm = ctx.promptLM;
  // Each proposal is a chain of three calls that the search waits on: ahead of queued task calls.
  const sampling = { temperature: options.temperature, rolloutId: job.rolloutId, signal: ctx.signal, urgent: true };
  const demos = taskDemos(job.predictor, job.signature, options.demoSets, job.demoSet);
  const module = `Predict(${job.signature.inputs.map((f) => f.name).join(', ')}) -> ${job.signature.outputs.map((f) => f.name).join(', ')}`;
  let programDescription = 'Not available';
  let moduleDescription = 'Not provided';
  const program = await runPredictor(lm, DESCRIBE_PROGRAM, [], { program_code: options.programCode, program_example: demos }, sampling);
  const described = program.outputs?.program_description;
  if (typeof described === 'string') {
    programDescription = stripPrefix(described);
    const mod = await runPredictor(lm, DESCRIBE_MODULE, [], { program_code: options.programCode, program_example: demos, program_description: programDescription, module }, sampling);
    if (typeof mod.outputs?.module_description === 'string') moduleDescription = mod.outputs.module_description;
  } else {
    ctx.log(`proposer: no program description for ${job.predictor} (${program.error ?? 'empty'}); proposing without it`, 'warn');
  }
  const tip = PROPOSER_TIPS[job.tip];
  const inputs: Record<string, unknown> = {
    dataset_description: options.datasetDescription,
    program_code: options.programCode,
    program_description: programDescription,
    module,
    module_description: moduleDescription,
    task_demos: demos,
    basic_instruction: job.signature.instructions,
    ...(tip ? { tip } : {}),
  };
  const result = await runPredictor(lm, generateSingleModuleInstruction({ history: false, tip: tip !== '' }), [], inputs, sampling);
  const proposed = result.outputs?.proposed_instruction;
  if (typeof proposed !== 'string' || !stripPrefix(proposed).trim()) {
    ctx.log(`proposer: a proposal for ${job.predictor} could not be read (${result.error ?? 'empty'}); skipped`, 'warn');
    return undefined;
  }
  return stripPrefix(proposed).trim();
}

/** Runs at most `limit` jobs at once; results by index. After a failure no new job starts. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Instruction candidates per predictor name; index 0 is always the original instruction. */
export async function proposeInstructions(ctx: OptimizerContext, options: GroundedProposerOptions): Promise<Record<string, string[]>> {
  const tips = Object.keys(PROPOSER_TIPS) as ProposerTip[];
  const perPredictor = proposalsPerPredictor(options.count, options.demoSets.length);
  const jobs: Job[] = [];
  for (const p of ctx.predictors) {
    const signature = options.state[p.name]?.signature;
    if (!signature) throw new Error(`proposer: the program has no predictor '${p.name}'`);
    for (let i = 0; i < perPredictor; i++) {
      // Drawn in DSPy's order: the tip, then the rollout id.
      jobs.push({ predictor: p.name, signature, demoSet: i, tip: options.rng.choice(tips), rolloutId: options.rng.int(0, 1_000_000_000) });
    }
  }
  // DSPy proposes for set 0 too and then overwrites it with the original: that proposal is not made here.
  const proposed = await mapBounded(jobs, Math.max(1, ctx.concurrency), (job) => (job.demoSet === 0 ? Promise.resolve(undefined) : proposeOne(ctx, options, job)));
  const out: Record<string, string[]> = {};
  for (const p of ctx.predictors) {
    const original = options.state[p.name]?.signature.instructions ?? '';
    const mine = jobs.flatMap((job, i) => (job.predictor === p.name && proposed[i] !== undefined ? [proposed[i]] : []));
    out[p.name] = [original, ...mine];
  }
  return out;
}
