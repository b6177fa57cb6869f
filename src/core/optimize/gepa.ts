import type { Example } from '../data/types';
import type { EvaluationResult } from '../evaluate/types';
import type { ProgramState } from '../program/types';
import type { Rng } from '../random';
import { gepaConfig, gepaPlan, metricBudget, type GepaConfig } from './gepa-config';
import { findMerge, mergeSubsample } from './gepa-merge';
import { runProposal, withInstructions } from './gepa-propose';
import { StepQueue, type StepChoice } from './gepa-steps';
import { bestByMean, paretoCandidates, sampleParetoParent } from './pareto';
import type { TrialSubset } from './events';
import type { Optimizer, OptimizerContext } from './types';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Epoch-shuffled minibatches of train positions, as GEPA samples them. */
function minibatches(size: number, rng: Rng, trainSize: number): () => number[] {
  let order: number[] = [];
  let at = 0;
  let epoch = 0;
  return () => {
    if (at + size > order.length) {
      order = rng.fork(`epoch ${epoch++}`).shuffle(Array.from({ length: trainSize }, (_, i) => i));
      at = 0;
    }
    const batch = order.slice(at, at + size);
    at += size;
    return batch;
  };
}

/** GEPA's search state: every accepted candidate with its val scores and lineage. */
class Pool {
  readonly states: ProgramState[] = [];
  readonly instructions: string[][] = [];
  readonly scores: number[][] = [];
  readonly parents: number[][] = [];
  readonly nextComponent: number[] = [];

  constructor(readonly components: readonly string[]) {}

  add(state: ProgramState, scores: number[], parents: number[]): number {
    this.states.push(state);
    this.instructions.push(this.components.map((c) => state[c]?.signature.instructions ?? ''));
    this.scores.push(scores);
    this.parents.push(parents);
    this.nextComponent.push(0);
    return this.states.length - 1;
  }

  get means(): number[] {
    return this.scores.map(mean);
  }
}

/**
 * GEPA (Agrawal et al., DSPy's `dspy.GEPA`): reflective instruction evolution. Each step picks a
 * parent from the per-val-example Pareto front, runs it on a small train minibatch, asks the
 * reflection model to rewrite one predictor's instruction from the traces and the metric's
 * feedback, and keeps the child if it does strictly better on that minibatch and then scores it
 * on the full val set. Candidates that improved different predictors are merged. The search
 * stops when the next evaluation would exceed the metric-call budget, which is never overrun.
 *
 * Steps run several at a time yet make the serial algorithm's choices (see `gepa-steps.ts`): a
 * step launched early is a speculation on the pool it will find when its turn comes; when an
 * accepted child or a merge changes the parent it would pick, it is run again from the right
 * parent. The result is the serial run's, except that discarded speculations count against the
 * budget (so a tight budget may end a step or two sooner).
 */
export const gepa: Optimizer<GepaConfig> = {
  id: 'gepa',
  name: 'GEPA',
  description: 'Evolves instructions by reflecting on failures and the metric’s feedback, keeping a Pareto front of candidates.',
  config: gepaConfig,
  minTrainSize: 1,
  usesPromptModel: true,
  plan: gepaPlan,
  async compile(ctx, config) {
    const components = ctx.predictors.map((p) => p.name);
    const budget = metricBudget(config, { train: ctx.trainset.length, val: ctx.valset.length, predictors: components.length });
    const R = Math.min(config.reflection_minibatch_size, ctx.trainset.length);
    const V = ctx.valset.length;
    if (budget < 2 * V + 2 * R) {
      throw new Error(`GEPA's budget of ${budget} metric calls cannot cover the seed's val evaluation (${V}), one reflection step (${2 * R}) and the val evaluation of its child (${V})`);
    }
    const rng = ctx.rng.fork('gepa');
    const nextBatch = minibatches(R, rng.fork('minibatches'), ctx.trainset.length);
    const pool = new Pool(components);
    const meter = { spent: 0, reserved: 0 };
    const evaluate = async (state: ProgramState, examples: Example[], label: string, subset: TrialSubset): Promise<EvaluationResult> => {
      meter.spent += examples.length;
      return (await ctx.evaluate(state, examples, { label, subset })).result;
    };
    const room = (n: number) => meter.spent + meter.reserved + n <= budget;
    const scoresOf = (r: EvaluationResult) => r.results.map((x) => x.score);

    ctx.log(`GEPA: budget of ${budget} metric calls, minibatch ${R}, ${components.length} component(s)`);
    pool.add(ctx.baseline, scoresOf(await evaluate(ctx.baseline, ctx.valset, 'c0 (seed)', 'full')), []);

    const choose = (iter: number, counters: readonly number[]): StepChoice => {
      const parent = config.candidate_selection_strategy === 'pareto' ? sampleParetoParent(pool.scores, rng.fork(`iter ${iter}`)) : bestByMean(pool.scores);
      const chosen = config.component_selector === 'all' ? components.map((_, k) => k) : [(counters[parent] ?? 0) % components.length];
      return { parent, chosen };
    };
    // Enough steps in flight for their calls (about (2R + 1) / 3 at a time each: minibatch,
    // reflection, minibatch) to fill the slots: 4 at DSPy's R = 3 and concurrency 8, 1 at R = 20.
    const steps = new StepQueue({
      width: Math.max(1, Math.ceil((3 * ctx.concurrency) / (2 * R + 1))),
      stepCost: 2 * R,
      afterCost: V,
      meter,
      room,
      choose,
      counters: () => pool.nextComponent,
      advance: (counters, choice) => {
        if (config.component_selector === 'round_robin') counters[choice.parent] = ((counters[choice.parent] ?? 0) + 1) % components.length;
      },
      run: (choice, batch) =>
        runProposal(ctx, {
          parentState: pool.states[choice.parent] as ProgramState,
          parentInstructions: pool.instructions[choice.parent] ?? [],
          components,
          chosen: choice.chosen,
          batch,
          perfectScore: config.skip_perfect_score ? config.perfect_score : undefined,
        }),
      batch: () => nextBatch().map((i) => ctx.trainset[i] as Example),
    });

    const triedMerges = new Set<string>();
    let mergesDue = 0;
    let mergesTried = 0;
    let mergeRound = 0;
    const mergeIfDue = async () => {
      if (!config.use_merge || mergesDue === 0 || mergesTried >= config.max_merge_invocations) return;
      const merged = await tryMerge(ctx, pool, triedMerges, rng.fork(`merge ${++mergeRound}`), room, evaluate);
      if (merged !== 'none') {
        mergesDue--;
        mergesTried++;
      }
      if (merged === 'accepted') steps.poolChanged();
    };
    // An accepted child's full evaluation overlaps the steps already running; no new step starts
    // until it has joined the pool, since the next parent may be that child.
    let validating: Promise<void> | undefined;
    const validate = async (state: ProgramState, parent: number, n: number, gain: number) => {
      const id = pool.states.length;
      const full = await evaluate(state, ctx.valset, `c${id} (child of c${parent})`, 'full');
      pool.add(state, scoresOf(full), [parent]);
      ctx.log(`step ${n}: c${id} accepted (+${gain} on the minibatch), val ${(full.score * 100).toFixed(1)}%`);
      steps.poolChanged();
      if (config.use_merge && mergesTried + mergesDue < config.max_merge_invocations) mergesDue++;
      await mergeIfDue();
    };
    for (;;) {
      if (validating) {
        await validating;
        validating = undefined;
      }
      const settled = await steps.next();
      if (!settled) break;
      ctx.signal.throwIfAborted();
      const { iter: n, choice, outcome: out } = settled;
      const parent = choice.parent;
      ctx.recordTrial(pool.states[parent] as ProgramState, out.before.result, { label: `c${parent} on minibatch (step ${n})`, subset: 'minibatch', elapsedMs: out.before.elapsedMs });
      for (const note of out.notes) ctx.log(`step ${n}: c${parent}: ${note.message}`, note.level);
      const child = out.child;
      const gain = child ? sum(scoresOf(child.after.result)) - sum(scoresOf(out.before.result)) : 0;
      if (child) ctx.recordTrial(child.state, child.after.result, { label: `child of c${parent}: ${child.changed.join(', ')} (step ${n})`, subset: 'minibatch', elapsedMs: child.after.elapsedMs });
      if (child && gain > 0 && room(ctx.valset.length)) {
        validating = validate(child.state, parent, n, gain);
        validating.catch(() => undefined); // awaited before the next step is settled
      } else {
        if (gain > 0) ctx.log(`step ${n}: a better child was found but the budget cannot validate it`, 'warn');
        await mergeIfDue();
      }
    }
    await steps.drain();
    const best = bestByMean(pool.scores);
    const wasted = steps.discarded > 0 ? `, ${steps.discarded} speculative step(s) redone from a newer parent` : '';
    ctx.log(`GEPA: ${pool.states.length} candidate(s), ${meter.spent} of ${budget} metric calls${wasted}; best c${best}`);
    return { program: pool.states[best] as ProgramState, score: pool.means[best] ?? 0 };
  },
};

type Evaluate = (state: ProgramState, examples: Example[], label: string, subset: TrialSubset) => Promise<EvaluationResult>;

/** One merge attempt: 'none' when no pair qualifies or the budget cannot screen one. */
async function tryMerge(ctx: OptimizerContext, pool: Pool, tried: Set<string>, rng: Rng, fits: (n: number) => boolean, evaluate: Evaluate): Promise<'none' | 'rejected' | 'accepted'> {
  const plan = findMerge({ instructions: pool.instructions, parents: pool.parents, means: pool.means }, paretoCandidates(pool.scores), tried, rng);
  if (!plan) return 'none';
  const a = pool.scores[plan.a] ?? [];
  const b = pool.scores[plan.b] ?? [];
  const ids = mergeSubsample(a, b, rng);
  if (!fits(ids.length + ctx.valset.length)) return 'none';
  tried.add(plan.key);
  const state = withInstructions(pool.states[plan.a] as ProgramState, pool.components, plan.instructions);
  const screen = await evaluate(state, ids.map((i) => ctx.valset[i] as Example), `merge c${plan.a}+c${plan.b} on ${ids.length} val examples`, 'minibatch');
  const merged = sum(screen.results.map((r) => r.score));
  const target = Math.max(sum(ids.map((i) => a[i] ?? 0)), sum(ids.map((i) => b[i] ?? 0)));
  if (merged < target) return 'rejected';
  const id = pool.states.length;
  const full = await evaluate(state, ctx.valset, `c${id} (merge of c${plan.a}+c${plan.b})`, 'full');
  pool.add(state, full.results.map((r) => r.score), [plan.a, plan.b]);
  ctx.log(`merge c${plan.a}+c${plan.b} accepted as c${id}, val ${(full.score * 100).toFixed(1)}%`);
  return 'accepted';
}
