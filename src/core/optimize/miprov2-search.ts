/**
 * MIPROv2's search: a seeded TPE over each predictor's instruction index and demo-set index. The
 * default program is scored on the full validation set first and seeded into the TPE history.
 * Each trial scores a suggested combination on a fresh random minibatch; after every
 * `fullEvalSteps` trials, and after the last, the combination with the best minibatch mean that
 * has not been fully evaluated is scored on the full set and fed back to the TPE. Only full
 * evaluations can change the best program. Without minibatching every trial is a full one.
 * Trials run in batches (up to PARALLEL_TRIALS, never across a full evaluation) suggested with a
 * constant liar, so the TPE sees each batch's pending suggestions as poor scores until they land.
 */
import type { Example } from '../data/types';
import type { EvaluationResult } from '../evaluate/types';
import type { ProgramState } from '../program/types';
import type { Rng } from '../random';
import { TpeSampler, type TpeParams } from './tpe';
import type { OptimizerContext } from './types';

export interface SearchInput {
  baseline: ProgramState;
  /** Instruction candidates per predictor name (index 0: the original). */
  instructions: Record<string, string[]>;
  /** Demo-set candidates (each a whole program state); undefined searches instructions only. */
  demoSets?: ProgramState[];
  valset: Example[];
  numTrials: number;
  minibatch: boolean;
  minibatchSize: number;
  fullEvalSteps: number;
  seed: number;
  /** Draws the minibatches. */
  rng: Rng;
  /** The default program's score on `valset`, when the caller started it early (see scoreQuietly). */
  defaultEvaluation?: Promise<Scored>;
}

export interface Scored {
  result: EvaluationResult;
  elapsedMs: number;
}

/** Scores a program without recording a trial (the caller records it where its turn comes). */
export async function scoreQuietly(ctx: OptimizerContext, program: ProgramState, examples: Example[]): Promise<Scored> {
  const started = Date.now();
  const { result } = await ctx.evaluate(program, examples, { label: 'score', subset: 'full', record: false });
  return { result, elapsedMs: Date.now() - started };
}

export interface SearchResult {
  program: ProgramState;
  score: number;
  fullEvaluations: number;
}

interface Proposal {
  params: TpeParams;
  program: ProgramState;
  label: string;
  batch: Example[];
}

interface Batch {
  proposals: Proposal[];
  scored: Promise<Scored[]>;
}

interface Combination {
  params: TpeParams;
  program: ProgramState;
  scores: number[];
}

/** Most trials scored at once (a batch also ends at each full evaluation). */
const PARALLEL_TRIALS = 5;

const instrKey = (i: number) => `${i}_predictor_instruction`;
const demosKey = (i: number) => `${i}_predictor_demos`;

function assemble(input: SearchInput, names: string[], params: TpeParams): ProgramState {
  const program: ProgramState = { ...input.baseline };
  names.forEach((name, i) => {
    const base = input.baseline[name];
    if (!base) throw new Error(`MIPROv2: the program has no predictor '${name}'`);
    const instruction = input.instructions[name]?.[params[instrKey(i)] ?? 0] ?? base.signature.instructions;
    const demos = input.demoSets ? (input.demoSets[params[demosKey(i)] ?? 0]?.[name]?.demos ?? []) : base.demos;
    program[name] = { signature: { ...base.signature, instructions: instruction }, demos };
  });
  return program;
}

function describe(names: string[], params: TpeParams, withDemos: boolean): string {
  const one = (i: number) => `instr ${params[instrKey(i)] ?? 0}${withDemos ? ` × demos ${params[demosKey(i)] ?? 0}` : ''}`;
  return names.length === 1 ? one(0) : names.map((name, i) => `${name}: ${one(i)}`).join(', ');
}

export async function searchPrograms(ctx: OptimizerContext, input: SearchInput): Promise<SearchResult> {
  const names = ctx.predictors.map((p) => p.name);
  const withDemos = input.demoSets !== undefined && input.demoSets.length > 0;
  const space: Record<string, number> = {};
  names.forEach((name, i) => {
    space[instrKey(i)] = Math.max(1, input.instructions[name]?.length ?? 1);
    if (withDemos) space[demosKey(i)] = input.demoSets?.length ?? 1;
  });
  const sampler = new TpeSampler(space, { seed: input.seed, multivariate: true });
  const defaults: TpeParams = Object.fromEntries(Object.keys(space).map((k) => [k, 0]));
  const keyOf = (params: TpeParams) => Object.keys(space).map((k) => params[k] ?? 0).join(',');

  const subset = input.minibatch ? 'minibatch' : 'full';
  /** Suggests trials t.. up to the batch's end (PARALLEL_TRIALS, never across a full evaluation), and starts scoring them. */
  const startBatch = (t: number): Batch => {
    const blockEnd = input.minibatch ? Math.min(input.numTrials, Math.ceil(t / input.fullEvalSteps) * input.fullEvalSteps) : input.numTrials;
    const size = Math.min(PARALLEL_TRIALS, blockEnd - t + 1);
    const proposals: Proposal[] = [];
    for (let k = 0; k < size; k++) {
      const params = sampler.ask(proposals.map((p) => p.params));
      const batch = input.minibatch ? input.rng.sample(input.valset, input.minibatchSize) : input.valset;
      proposals.push({ params, program: assemble(input, names, params), label: describe(names, params, withDemos), batch });
    }
    const scored = Promise.all(proposals.map((p) => scoreQuietly(ctx, p.program, p.batch)));
    scored.catch(() => undefined); // awaited in order below; a cancel rejects it
    return { proposals, scored };
  };

  // The first batch's suggestions are random draws while the TPE is in its startup phase (the
  // default's score, told or not, changes none of them): it then starts while the default
  // program's evaluation finishes, instead of after it. The default's trial is still recorded first.
  const firstSize = Math.min(PARALLEL_TRIALS, input.numTrials, input.minibatch ? input.fullEvalSteps : input.numTrials);
  let early: Batch | undefined = input.defaultEvaluation && input.numTrials > 0 && sampler.drawsAtRandom(firstSize) ? startBatch(1) : undefined;

  const { result: first, elapsedMs } = await (input.defaultEvaluation ?? scoreQuietly(ctx, input.baseline, input.valset));
  ctx.recordTrial(input.baseline, first, { label: 'default program', subset: 'full', elapsedMs });
  sampler.tell(defaults, first.score);
  let best = { program: input.baseline, score: first.score };
  let fullEvaluations = 1;
  ctx.log(`MIPROv2: default program scores ${first.score.toFixed(3)} on ${input.valset.length} validation examples`);

  const combos = new Map<string, Combination>();
  const fullyEvaluated = new Set<string>([keyOf(defaults)]);

  const fullEvaluation = async () => {
    let pick: [string, Combination, number] | undefined;
    for (const [key, combo] of combos) {
      if (fullyEvaluated.has(key)) continue;
      const mean = combo.scores.reduce((a, b) => a + b, 0) / combo.scores.length;
      if (!pick || mean > pick[2]) pick = [key, combo, mean];
    }
    if (!pick) {
      ctx.log('MIPROv2: every combination tried so far is already fully evaluated; skipping this full evaluation');
      return;
    }
    const [key, combo, mean] = pick;
    const label = `full: ${describe(names, combo.params, withDemos)} (minibatch mean ${mean.toFixed(3)})`;
    const { result } = await ctx.evaluate(combo.program, input.valset, { label, subset: 'full' });
    fullyEvaluated.add(key);
    fullEvaluations++;
    sampler.tell(combo.params, result.score);
    if (result.score > best.score) {
      best = { program: combo.program, score: result.score };
      ctx.log(`MIPROv2: new best ${result.score.toFixed(3)} with ${describe(names, combo.params, withDemos)}`);
    }
  };

  // Trials run in batches, scored at once, so one minibatch's stragglers do not idle the other
  // slots. A batch never crosses a full evaluation; its suggestions are asked in order, each
  // treating the earlier ones as pending (TPE's constant liar), and recorded in proposal order.
  for (let t = 1; t <= input.numTrials; ) {
    const { proposals, scored: pending } = early ?? startBatch(t);
    early = undefined;
    const scored = await pending;
    for (const [k, { params, program, label }] of proposals.entries()) {
      const { result, elapsedMs } = scored[k] as (typeof scored)[number];
      ctx.recordTrial(program, result, { label, subset, elapsedMs });
      sampler.tell(params, result.score);
      const key = keyOf(params);
      const combo = combos.get(key) ?? { params, program, scores: [] };
      combo.scores.push(result.score);
      combos.set(key, combo);
      if (!input.minibatch) {
        fullEvaluations++;
        fullyEvaluated.add(key);
        if (result.score > best.score) best = { program, score: result.score };
      } else if (t % input.fullEvalSteps === 0 || t === input.numTrials) {
        await fullEvaluation();
      }
      ctx.log(`MIPROv2 trial ${t}/${input.numTrials}: ${label} scored ${result.score.toFixed(3)}; best full score ${best.score.toFixed(3)}`);
      t++;
    }
  }
  return { program: best.program, score: best.score, fullEvaluations };
}
