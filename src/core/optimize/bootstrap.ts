import type { Example } from '../data/types';
import type { ProgramState } from '../program/types';
import { Rng } from '../random';
import type { Demo } from '../signature/types';
import { labeledDemos, teacherFor, traceDemos, withDemos } from './bootstrap-demos';
import { firstSuccessesInOrder } from './bootstrap-order';
import type { OptimizerContext } from './types';

export interface BootstrapOptions {
  student: ProgramState;
  /** A compiled teacher, used as is. Without one the student teaches, with labeled demos. */
  teacher?: ProgramState;
  trainset: Example[];
  maxBootstrappedDemos: number;
  maxLabeledDemos: number;
  maxRounds: number;
  /** Success is `score >= metricThreshold`; without one, a full score (our metrics are 0..1, DSPy's bootstrap metrics are bools). */
  metricThreshold?: number;
  /** Failed program runs, counted in train order up to the serial cutoff, that stop bootstrapping (DSPy's max_errors). */
  maxErrors?: number;
  seed: number;
  /**
   * Resolve as soon as the demos are decided, while runs launched ahead (which the serial loop
   * would have skipped) still finish in `stragglers`: the caller starts its next work at once and
   * awaits `stragglers` before it returns, so their replies are in the cache for a rerun.
   */
  settleEarly?: boolean;
}

export interface BootstrapResult {
  program: ProgramState;
  /** Train examples whose trace became demos. */
  bootstrapped: number;
  /** Program runs finished, including those run ahead in parallel that the serial loop would have skipped. */
  tried: number;
  /** Resolves when every run launched has finished (at once unless `settleEarly`); never rejects. */
  stragglers: Promise<void>;
}

interface Attempt {
  success: boolean;
  demos: Map<string, Demo>;
  runs: number;
  errors: number;
  lastError?: string;
}

export const DEFAULT_MAX_ERRORS = 10;

async function attemptExample(ctx: OptimizerContext, teacher: ProgramState, example: Example, options: BootstrapOptions, predictors: ReadonlySet<string>): Promise<Attempt> {
  const threshold = options.metricThreshold ?? 1;
  const candidate = teacherFor(teacher, example);
  const attempt: Attempt = { success: false, demos: new Map(), runs: 0, errors: 0 };
  for (let round = 0; round < options.maxRounds; round++) {
    // Later rounds are fresh samples: a distinct rollout at temperature 1, so a distinct request.
    const prediction = await ctx.run(candidate, example, round > 0 ? { rolloutId: round, temperature: 1 } : {});
    attempt.runs++;
    if (prediction.error !== undefined) {
      attempt.errors++;
      attempt.lastError = prediction.error;
      continue;
    }
    const { score } = await ctx.score(example, prediction);
    if (score >= threshold) {
      attempt.success = true;
      attempt.demos = traceDemos(prediction.trace, predictors);
      return attempt;
    }
  }
  return attempt;
}

/**
 * DSPy's BootstrapFewShot: runs the teacher over the train set in order until
 * `maxBootstrappedDemos` examples succeed, turns each success's trace into augmented demos, and
 * fills up to `maxLabeledDemos` with labeled examples that were not bootstrapped. Unlike DSPy it
 * runs up to `ctx.concurrency` examples at once, and still accepts exactly the examples the
 * serial loop would (see bootstrap-order.ts).
 */
export async function bootstrapDemos(ctx: OptimizerContext, options: BootstrapOptions): Promise<BootstrapResult> {
  const { student, trainset, seed } = options;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const predictors = new Set(Object.keys(student));
  const teacher =
    options.teacher ?? (options.maxLabeledDemos > 0 ? withDemos(student, () => labeledDemos(trainset, options.maxLabeledDemos, seed)) : student);
  let errors = 0;
  const outcome = await firstSuccessesInOrder(
    trainset.length,
    ctx.concurrency,
    Math.max(0, options.maxBootstrappedDemos),
    (i) => attemptExample(ctx, teacher, trainset[i] as Example, options, predictors),
    (a) => a.success,
    (i, a) => {
      errors += a.errors;
      if (errors >= maxErrors) {
        throw new Error(`bootstrapping stopped after ${errors} failed runs (max_errors=${maxErrors}), the last on train example '${trainset[i]?.id}': ${a.lastError ?? 'unknown error'}`);
      }
    },
  );
  if (!options.settleEarly) await outcome.rest;
  ctx.signal.throwIfAborted();

  const augmented = new Map<string, Demo[]>([...predictors].map((name) => [name, []]));
  for (const i of outcome.accepted) {
    for (const [name, demo] of (outcome.results[i] as Attempt).demos) augmented.get(name)?.push(demo);
  }
  const acceptedSet = new Set(outcome.accepted);
  const rng = new Rng(seed);
  let raw = rng.shuffle(trainset.filter((_, i) => !acceptedSet.has(i)));
  const program = withDemos(student, (name) => {
    const aug = (augmented.get(name) ?? []).slice(0, options.maxBootstrappedDemos);
    // As DSPy: each predictor samples from the previous predictor's sample.
    raw = rng.sample(raw, Math.max(0, Math.min(options.maxLabeledDemos - aug.length, raw.length)));
    return [...aug, ...raw.map((ex) => ({ ...ex.data }))];
  });
  const tried = outcome.results.reduce((n, a) => n + (a?.runs ?? 0), 0);
  return { program, bootstrapped: outcome.accepted.length, tried, stragglers: outcome.rest };
}

export interface DemoSetOptions {
  student: ProgramState;
  teacher?: ProgramState;
  trainset: Example[];
  /** Sets to build, the three fixed ones (zero-shot, labeled, unshuffled) included. */
  numSets: number;
  maxBootstrappedDemos: number;
  maxLabeledDemos: number;
  maxRounds?: number;
  maxErrors?: number;
  seed: number;
  metricThreshold?: number;
  /** Called as each set is ready (its DSPy seed and how many demos were bootstrapped). */
  onSet?: (set: { seed: number; bootstrapped: number; tried: number }) => void;
}

/** DSPy's candidate seeds for `numSets` sets: −3 zero-shot, −2 labeled only, −1 unshuffled bootstrap, then shuffled ones. */
export function demoSetSeeds(numSets: number): number[] {
  return Array.from({ length: Math.max(0, numSets) }, (_, i) => i - 3);
}

/**
 * DSPy's candidate demo sets (RandomSearch, MIPROv2): seed −3 is zero-shot, −2 labeled only, −1
 * bootstraps over the train set in order, and s ≥ 0 shuffles the train set and bootstraps a
 * random 1..max number of demos, both drawn from a generator for (run seed, s). The sets are
 * independent, so they are all built at once (each bootstrapping in parallel too) and share the
 * scheduler's slots; the result is in seed order whatever order they finish in.
 */
export async function createFewshotDemoSets(ctx: OptimizerContext, options: DemoSetOptions): Promise<ProgramState[]> {
  ctx.signal.throwIfAborted();
  const seeds = demoSetSeeds(options.numSets);
  // onSet still reports in seed order: each report waits for the sets before it.
  const reports = new Map<number, Parameters<NonNullable<DemoSetOptions['onSet']>>[0]>();
  let reported = 0;
  const onSet = (set: { seed: number; bootstrapped: number; tried: number }) => {
    reports.set(set.seed, set);
    while (reported < seeds.length && reports.has(seeds[reported] as number)) {
      const next = reports.get(seeds[reported] as number) as typeof set;
      reported++;
      options.onSet?.(next);
    }
  };
  return Promise.all(seeds.map((setSeed) => createDemoSet(ctx, { ...options, onSet }, setSeed)));
}

/** One of the sets above, by its DSPy seed (RandomSearch scores each before building the next). */
export async function createDemoSet(ctx: OptimizerContext, options: Omit<DemoSetOptions, 'numSets'>, setSeed: number): Promise<ProgramState> {
  const { student, trainset, seed } = options;
  if (setSeed === -3) {
    options.onSet?.({ seed: setSeed, bootstrapped: 0, tried: 0 });
    return withDemos(student, () => []);
  }
  // With no labeled demos DSPy's −2 falls through to a shuffled set; so does ours.
  if (setSeed === -2 && options.maxLabeledDemos > 0) {
    options.onSet?.({ seed: setSeed, bootstrapped: 0, tried: 0 });
    return withDemos(student, () => labeledDemos(trainset, options.maxLabeledDemos, seed));
  }
  let order = trainset;
  let size = options.maxBootstrappedDemos;
  if (setSeed !== -1) {
    const rng = new Rng(seed).fork(`demo-set:${setSeed}`);
    order = rng.shuffle(trainset);
    // DSPy's randint(1, 0) crash for a zero maximum (its #9938) becomes "bootstrap none".
    size = size >= 1 ? rng.int(1, size) : 0;
  }
  const result = await bootstrapDemos(ctx, {
    student,
    teacher: options.teacher,
    trainset: order,
    maxBootstrappedDemos: size,
    maxLabeledDemos: options.maxLabeledDemos,
    maxRounds: options.maxRounds ?? 1,
    maxErrors: options.maxErrors,
    metricThreshold: options.metricThreshold,
    seed,
  });
  options.onSet?.({ seed: setSeed, bootstrapped: result.bootstrapped, tried: result.tried });
  return result.program;
}
