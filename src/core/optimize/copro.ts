import { z } from 'zod';
import type { Example } from '../data/types';
import type { ProgramState } from '../program/types';
import { Rng } from '../random';
import { fieldPrefix } from '../signature/prefix';
import { BASIC_GENERATE_INSTRUCTION, GENERATE_INSTRUCTION_GIVEN_ATTEMPTS } from './proposer-signatures';
import { proposedText, requestsFor, sampleCompletions } from './proposer-sample';
import type { Optimizer, OptimizerContext } from './types';

export const coproConfig = z.object({
  breadth: z.number().int().min(2).max(64).default(10).describe('Instructions proposed per round (the first round adds the original to breadth−1 new ones)'),
  depth: z.number().int().min(1).max(20).default(3).describe('Rounds of evaluate-then-propose; later rounds see the scored attempts'),
  init_temperature: z.number().min(0).max(2).default(1.4).describe("Prompt model's temperature for proposals (higher: more varied)"),
  track_stats: z.boolean().default(false).describe('Log min / max / mean / std of the scores of each round'),
});

export type CoproConfig = z.infer<typeof coproConfig>;

interface Proposal {
  instruction: string;
  /** Asked for as DSPy does; saved nowhere, because prefixes have no effect on prompts (DSPy 3.3). */
  prefix: string;
}

interface Scored extends Proposal {
  score: number;
  state: ProgramState;
  depth: number;
}

/** Candidate evaluations: breadth per round for one predictor; with several, every round re-scores all so far (as DSPy). */
function evaluationsPlanned(config: CoproConfig, predictors: number): number {
  const { breadth, depth } = config;
  return predictors <= 1 ? breadth * depth : predictors * breadth * ((depth * (depth + 1)) / 2);
}

const percent = (score: number) => Math.round(score * 10000) / 100;

function stats(scores: number[]): string {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return `max ${Math.max(...scores).toFixed(3)}, mean ${mean.toFixed(3)}, min ${Math.min(...scores).toFixed(3)}, std ${std.toFixed(3)}`;
}

function withInstruction(state: ProgramState, predictor: string, instruction: string): ProgramState {
  const current = state[predictor];
  if (!current) throw new Error(`COPRO: the program has no predictor '${predictor}'`);
  return { ...state, [predictor]: { ...current, signature: { ...current.signature, instructions: instruction } } };
}

/** DSPy's attempt list: the best `breadth` so far, listed worst first, numbered 1..k. */
function attemptLines(scored: Scored[], breadth: number): string[] {
  const top = [...scored].sort((a, b) => b.score - a.score).slice(0, breadth);
  const lines: string[] = [];
  top.reverse().forEach((s, i) => {
    lines.push(`Instruction #${i + 1}: ${s.instruction}`, `Prefix #${i + 1}: ${s.prefix}`, `Resulting Score #${i + 1}: ${percent(s.score)}`);
  });
  return lines;
}

async function propose(ctx: OptimizerContext, config: CoproConfig, inputs: Record<string, unknown>, count: number, first: boolean): Promise<Proposal[]> {
  const signature = first ? BASIC_GENERATE_INSTRUCTION : GENERATE_INSTRUCTION_GIVEN_ATTEMPTS;
  // Seeded sample ids: the same seed replays from the cache, another seed draws new proposals.
  const rolloutBase = new Rng(ctx.seed).fork('copro').int(1, 1_000_000);
  const samples = await sampleCompletions(ctx.promptLM, signature, inputs, count, { temperature: config.init_temperature, signal: ctx.signal, rolloutBase });
  for (const error of samples.errors) ctx.log(`COPRO: a proposal request failed: ${error}`, 'warn');
  return samples.completions
    .map((c) => ({ instruction: proposedText(c, 'proposed_instruction'), prefix: proposedText(c, 'proposed_prefix_for_output_field') }))
    .filter((p) => p.instruction.length > 0);
}

/**
 * DSPy's COPRO: coordinate ascent over each predictor's instruction. Round 1 proposes breadth−1
 * instructions from the current one (plus the original); every round scores the candidates on
 * the train set, sets the predictor to its best, and asks for breadth more given the scored
 * attempts. The best candidate seen is returned. Identical programs are scored once.
 */
export const copro: Optimizer<CoproConfig> = {
  id: 'copro',
  name: 'COPRO',
  description: 'Proposes and refines each predictor’s instruction over several rounds, scoring every candidate on the train set.',
  config: coproConfig,
  minTrainSize: 1,
  usesPromptModel: true,
  plan(config, sizes) {
    const predictors = Math.max(1, sizes.predictors);
    const evaluations = evaluationsPlanned(config, predictors);
    const promptCalls = predictors * (requestsFor(config.breadth - 1) + (config.depth - 1) * requestsFor(config.breadth));
    return {
      taskRuns: evaluations * sizes.train,
      taskCalls: evaluations * sizes.train * predictors,
      promptCalls,
      notes: [
        `${evaluations} candidate evaluations × ${sizes.train} train examples (${predictors === 1 ? 'breadth × depth' : 'P × breadth × depth(depth+1)/2'})`,
        `${promptCalls} proposal calls (P × depth, each sampling up to ${config.breadth} instructions with n)`,
      ],
    };
  },
  async compile(ctx, config) {
    const trainset: Example[] = ctx.trainset;
    const names = ctx.predictors.map((p) => p.name);
    let current: ProgramState = { ...ctx.baseline };
    const latest = new Map<string, Proposal[]>();
    const all = new Map<string, Proposal[]>();
    const evaluated = new Map<string, Map<string, Scored>>();
    const byProgram = new Map<string, number>();

    for (const name of names) {
      const signature = current[name]?.signature;
      if (!signature) throw new Error(`COPRO: the program has no predictor '${name}'`);
      const proposals = await propose(ctx, config, { basic_instruction: signature.instructions }, config.breadth - 1, true);
      const last = signature.outputs[signature.outputs.length - 1]?.name ?? 'answer';
      proposals.push({ instruction: signature.instructions, prefix: fieldPrefix(last) });
      latest.set(name, proposals);
      all.set(name, [...proposals]);
      evaluated.set(name, new Map());
    }
    ctx.log(`COPRO: ${names.length} predictor(s), ${config.breadth} candidates each, ${config.depth} rounds on ${trainset.length} train examples`);

    for (let d = 0; d < config.depth; d++) {
      for (const [p, name] of names.entries()) {
        const candidates = (names.length > 1 ? all.get(name) : latest.get(name)) ?? [];
        const scores: number[] = [];
        for (const [c, candidate] of candidates.entries()) {
          const state = withInstruction(current, name, candidate.instruction);
          const key = JSON.stringify(state);
          let score = byProgram.get(key);
          if (score === undefined) {
            const who = names.length > 1 ? ` · predictor ${p + 1} (${name})` : '';
            const { result } = await ctx.evaluate(state, trainset, { label: `depth ${d + 1}${who} · candidate ${c + 1}/${candidates.length}`, subset: 'full' });
            score = result.score;
            byProgram.set(key, score);
          }
          scores.push(score);
          const seen = evaluated.get(name)?.get(candidate.instruction);
          if (!seen || seen.score < score) evaluated.get(name)?.set(candidate.instruction, { ...candidate, score, state, depth: d });
        }
        const best = [...(evaluated.get(name)?.values() ?? [])].reduce<Scored | undefined>((b, s) => (!b || s.score > b.score ? s : b), undefined);
        if (best) current = withInstruction(current, name, best.instruction);
        if (config.track_stats && scores.length > 0) ctx.log(`COPRO depth ${d + 1}, ${name}: this round's candidates: ${stats(scores)}`);
        ctx.log(`COPRO depth ${d + 1}/${config.depth}: ${name} best so far ${best ? best.score.toFixed(3) : 'n/a'}`);
      }
      if (d === config.depth - 1) break;
      for (const name of names) {
        const scored = [...(evaluated.get(name)?.values() ?? [])];
        const proposals = await propose(ctx, config, { attempted_instructions: attemptLines(scored, config.breadth) }, config.breadth, false);
        latest.set(name, proposals);
        all.get(name)?.push(...proposals);
      }
    }

    const pool = names.flatMap((name) => [...(evaluated.get(name)?.values() ?? [])]);
    const best = pool.reduce<Scored | undefined>((b, s) => (!b || s.score > b.score ? s : b), undefined);
    if (config.track_stats) {
      for (const name of names) {
        const top = [...(evaluated.get(name)?.values() ?? [])].map((s) => s.score).sort((a, b) => b - a).slice(0, 10);
        if (top.length > 0) ctx.log(`COPRO ${name}: top ${top.length} scores: ${stats(top)}; ${byProgram.size} distinct programs evaluated`);
      }
    }
    if (!best) return { program: current, score: 0 };
    ctx.log(`COPRO: best instruction scored ${best.score.toFixed(3)} on the train set (found at depth ${best.depth + 1})`);
    return { program: best.state, score: best.score };
  },
};
