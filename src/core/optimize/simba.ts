import { z } from 'zod';
import type { Example } from '../data/types';
import type { ProgramState } from '../program/types';
import type { Rng } from '../random';
import { appendDemo, appendRule, type StrategyInput, type Trajectory } from './simba-strategies';
import { bucketKey, compareKeysDesc, percentile, poisson, roundHalfEven, softmaxPick } from './simba-sampling';
import type { Optimizer, OptimizerContext } from './types';

export const simbaConfig = z.object({
  bsize: z.number().int().min(1).max(1000).default(32).describe('Mini-batch size: training examples per step'),
  num_candidates: z.number().int().min(1).max(64).default(6).describe('Sampled trajectories per example, and new candidates per step'),
  max_steps: z.number().int().min(1).max(200).default(8).describe('Optimization steps (one mini-batch each)'),
  max_demos: z.number().int().min(0).max(32).default(4).describe('Demos per predictor before SIMBA starts dropping some; 0 uses rules only'),
  demo_input_field_maxlen: z.number().int().min(0).default(100_000).describe('Input values longer than this are truncated in demos (0: never)'),
  temperature_for_sampling: z.number().positive().max(10).default(0.2).describe('Softmax temperature when choosing programs to sample trajectories from'),
  temperature_for_candidates: z.number().positive().max(10).default(0.2).describe('Softmax temperature when choosing the source program of a new candidate'),
});

export type SimbaConfig = z.infer<typeof simbaConfig>;

interface Registered {
  state: ProgramState;
  scores: number[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const clone = (state: ProgramState): ProgramState => structuredClone(state);

/**
 * Runs each (program, example, rollout) triple at temperature 1 and scores it, at most
 * `ctx.concurrency` at a time (the scheduler would queue the rest anyway, each holding an abort
 * listener); results come back in input order, whatever order they finish in.
 */
async function sampleTrajectories(ctx: OptimizerContext, jobs: { state: ProgramState; example: Example; rollout: number }[]): Promise<Trajectory[]> {
  const out = new Array<Trajectory>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const { state, example, rollout } = jobs[i] as (typeof jobs)[number];
      const prediction = await ctx.run(state, example, { rolloutId: rollout, temperature: 1.0 });
      const { score, feedback } = await ctx.score(example, prediction);
      out[i] = { example, prediction, score, feedback };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency, jobs.length)) }, worker));
  return out;
}

/**
 * DSPy's SIMBA (Stochastic Introspective Mini-Batch Ascent). Each step samples C trajectories per
 * mini-batch example from softmax-chosen good programs, finds the examples whose trajectories
 * disagree most, and from each builds a candidate by adding the best trajectory as a demo or a
 * rule the prompt model draws from contrasting a better and a worse trajectory. The candidates
 * are scored on the same mini-batch; each step's winner is kept, and the winners are finally
 * compared on the full validation set.
 */
export const simba: Optimizer<SimbaConfig> = {
  id: 'simba',
  name: 'SIMBA',
  description: 'Mini-batch ascent: finds examples where sampled runs disagree and adds demos or self-written rules that fix them.',
  config: simbaConfig,
  minTrainSize: 2,
  usesPromptModel: true,
  plan: (config, sizes) => {
    const b = Math.min(config.bsize, sizes.train);
    const C = config.num_candidates;
    const finals = Math.min(C + 1, config.max_steps + 1);
    const runs = config.max_steps * b * (2 * C + 1) + finals * sizes.val;
    return {
      taskRuns: runs,
      taskCalls: runs * sizes.predictors,
      promptCalls: config.max_steps * (C + 1),
      notes: [
        `${config.max_steps} steps × ${b} examples × (${C} samples + up to ${C + 1} candidates) runs`,
        `≤ ${C + 1} OfferFeedback calls per step (about half the candidates use a rule)`,
        `${finals} step winners scored on the val set (${sizes.val} runs each)`,
      ],
    };
  },
  async compile(ctx, config) {
    if (ctx.trainset.length < config.bsize) {
      throw new Error(`SIMBA's bsize is ${config.bsize} but the train set has ${ctx.trainset.length} examples: lower bsize or add examples`);
    }
    const C = config.num_candidates;
    const rng = ctx.rng.fork('simba');
    const programs: Registered[] = [{ state: ctx.baseline, scores: [] }];
    const winners: ProgramState[] = [ctx.baseline];
    const topPlusBaseline = (): number[] => {
      const ranked = programs.map((p, i) => ({ i, avg: mean(p.scores) })).sort((a, b) => b.avg - a.avg || a.i - b.i).slice(0, C).map((p) => p.i);
      if (!ranked.includes(0)) ranked[ranked.length - 1] = 0;
      return [...new Set(ranked)];
    };
    const pick = (idxs: number[], temperature: number, r: Rng) => idxs[softmaxPick(idxs.map((i) => mean(programs[i]?.scores ?? [])), temperature, r)] as number;
    let order = rng.fork('order 0').shuffle(ctx.trainset.map((_, i) => i));
    let at = 0;

    for (let step = 0; step < config.max_steps; step++) {
      ctx.signal.throwIfAborted();
      const r = rng.fork(`step ${step}`);
      if (at + config.bsize > order.length) {
        order = rng.fork(`order ${step + 1}`).shuffle(order);
        at = 0;
      }
      const batch = order.slice(at, at + config.bsize).map((i) => ctx.trainset[i] as Example);
      at += config.bsize;

      const top = topPlusBaseline();
      const jobs = Array.from({ length: C }, (_, rollout) => batch.map((example) => ({ state: (programs[pick(top, config.temperature_for_sampling, r)] as Registered).state, example, rollout }))).flat();
      const outputs = await sampleTrajectories(ctx, jobs);
      const scores = outputs.map((o) => o.score);
      const p10 = percentile(scores, 10);
      const p90 = percentile(scores, 90);
      const buckets = batch
        .map((_, e) => {
          const bucket = outputs.filter((_, i) => i % batch.length === e).sort((a, b) => b.score - a.score);
          return { bucket, key: bucketKey(bucket.map((t) => t.score)) };
        })
        .sort((a, b) => compareKeysDesc(a.key, b.key));
      ctx.log(`step ${step + 1}/${config.max_steps}: sampled ${outputs.length} trajectories, mean ${(mean(scores) * 100).toFixed(1)}%`);

      const candidates: ProgramState[] = [];
      for (const { bucket } of buckets) {
        if (candidates.length >= C + 1) break;
        const source = pick(topPlusBaseline(), config.temperature_for_candidates, r);
        const candidate = clone((programs[source] as Registered).state);
        dropDemos(candidate, config.max_demos, r);
        const input: StrategyInput = { bucket, candidate, batch10p: p10, batch90p: p90, inputKeys: ctx.inputKeys, demoInputFieldMaxlen: config.demo_input_field_maxlen };
        const useDemo = config.max_demos > 0 && r.next() < 0.5;
        try {
          if (useDemo) appendDemo(input);
          else await appendRule(input, ctx.promptLM, ctx.signal);
        } catch (error) {
          ctx.signal.throwIfAborted();
          ctx.log(`step ${step + 1}: ${useDemo ? 'append_a_demo' : 'append_a_rule'} failed: ${error instanceof Error ? error.message : String(error)}`, 'warn');
          continue;
        }
        candidates.push(candidate);
      }

      const candidateScores: number[] = [];
      for (const [k, candidate] of candidates.entries()) {
        const { result } = await ctx.evaluate(candidate, batch, { label: `step ${step + 1} candidate ${k + 1}`, subset: 'minibatch' });
        candidateScores.push(result.score);
        programs.push({ state: candidate, scores: result.results.map((x) => x.score) });
      }
      if (candidateScores.length > 0) {
        const best = candidateScores.indexOf(Math.max(...candidateScores));
        winners.push(candidates[best] as ProgramState);
        ctx.log(`step ${step + 1}: best candidate ${best + 1} at ${((candidateScores[best] ?? 0) * 100).toFixed(1)}% on the batch (sampled mean ${(mean(scores) * 100).toFixed(1)}%)`);
      }
    }

    // As DSPy: up to C+1 winners, spread evenly over the steps, compared on the full set.
    const M = winners.length - 1;
    const N = C + 1;
    const picks = [...new Set(Array.from({ length: N }, (_, i) => (M < 1 ? 0 : roundHalfEven((i * M) / (N - 1)))))];
    let best = { state: ctx.baseline, score: Number.NEGATIVE_INFINITY };
    for (const i of picks) {
      const state = winners[i] as ProgramState;
      const { result } = await ctx.evaluate(state, ctx.valset, { label: i === 0 ? 'baseline' : `winner of step ${i}`, subset: 'full' });
      if (result.score > best.score) best = { state, score: result.score };
    }
    return { program: best.state, score: best.score };
  },
};

/** DSPy drops Poisson(demos / max_demos) demos (at least one once at the cap) at shared positions in every predictor. */
function dropDemos(candidate: ProgramState, maxDemos: number, rng: Rng): void {
  const cap = maxDemos > 0 ? maxDemos : 3;
  const count = Math.max(0, ...Object.values(candidate).map((s) => s.demos.length));
  const drop = Math.min(count, Math.max(poisson(count / cap, rng), count >= cap ? 1 : 0));
  if (drop === 0) return;
  const positions = new Set(Array.from({ length: drop }, () => rng.int(0, count - 1)));
  for (const [name, state] of Object.entries(candidate)) {
    candidate[name] = { ...state, demos: state.demos.filter((_, i) => !positions.has(i)) };
  }
}
