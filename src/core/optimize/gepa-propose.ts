/**
 * One GEPA reflection step, without side effects on the search state so that several can run at
 * once: score the parent on a train minibatch, reflect on the chosen components' traces, score
 * the child on the same minibatch. Nothing is recorded or logged here; the caller records the
 * trials and the notes in proposal order, so a run stays deterministic whatever finishes first.
 */
import type { Example } from '../data/types';
import type { EvaluationResult } from '../evaluate/types';
import type { ProgramState } from '../program/types';
import { proposeInstruction, reflectiveDataset } from './gepa-reflect';
import type { OptimizerContext } from './types';

export interface ProposalInput {
  parentState: ProgramState;
  /** The parent's instruction per component. */
  parentInstructions: readonly string[];
  components: readonly string[];
  /** Component positions to rewrite. */
  chosen: readonly number[];
  batch: Example[];
  /** Skip the reflection when every minibatch score reaches this (undefined: never skip). */
  perfectScore?: number;
}

export interface TimedResult {
  result: EvaluationResult;
  elapsedMs: number;
}

export interface ProposalOutcome {
  before: TimedResult;
  /** The child and its minibatch score; absent when the parent was perfect or nothing changed. */
  child?: { state: ProgramState; changed: string[]; after: TimedResult };
  /** Metric calls spent (the minibatch once or twice). */
  cost: number;
  notes: { message: string; level: 'info' | 'warn' }[];
}

export function withInstructions(state: ProgramState, components: readonly string[], instructions: readonly string[]): ProgramState {
  const out: ProgramState = { ...state };
  components.forEach((name, k) => {
    const s = out[name];
    const ins = instructions[k];
    if (s && ins !== undefined) out[name] = { ...s, signature: { ...s.signature, instructions: ins } };
  });
  return out;
}

async function timed(ctx: OptimizerContext, state: ProgramState, batch: Example[]): Promise<TimedResult> {
  const started = Date.now();
  const { result } = await ctx.evaluate(state, batch, { label: 'gepa minibatch', subset: 'minibatch', record: false });
  return { result, elapsedMs: Date.now() - started };
}

export async function runProposal(ctx: OptimizerContext, input: ProposalInput): Promise<ProposalOutcome> {
  const notes: ProposalOutcome['notes'] = [];
  const before = await timed(ctx, input.parentState, input.batch);
  const perfect = input.perfectScore;
  if (perfect !== undefined && before.result.results.every((r) => r.score >= perfect)) {
    return { before, cost: input.batch.length, notes: [{ message: 'the parent is perfect on its minibatch; nothing to reflect on', level: 'info' }] };
  }
  const instructions = [...input.parentInstructions];
  for (const k of input.chosen) {
    const name = input.components[k] as string;
    const items = reflectiveDataset(name, before.result.results);
    if (items.length === 0) continue;
    try {
      instructions[k] = await proposeInstruction(ctx.promptLM, instructions[k] ?? '', items, ctx.signal);
    } catch (error) {
      // A failed reflection costs this step, not the run (a budget stop aborts the signal and still ends it).
      ctx.signal.throwIfAborted();
      notes.push({ message: `the reflection for ${name} failed: ${error instanceof Error ? error.message : String(error)}`, level: 'warn' });
    }
  }
  const changed = input.chosen.filter((k) => instructions[k] !== input.parentInstructions[k]).map((k) => input.components[k] as string);
  if (changed.length === 0) {
    notes.push({ message: "the reflection left the parent's instruction unchanged", level: 'info' });
    return { before, cost: input.batch.length, notes };
  }
  const state = withInstructions(input.parentState, input.components, instructions);
  const after = await timed(ctx, state, input.batch);
  return { before, child: { state, changed, after }, cost: 2 * input.batch.length, notes };
}
