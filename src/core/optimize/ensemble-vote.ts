import { ZERO_USAGE, addUsage } from '../lm/types';
import type { Prediction, ProgramState } from '../program/types';

/** DSPy's normalize_text, roughly: case, punctuation, articles and spacing do not split a vote. */
export function normalizeAnswer(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * DSPy's `majority` reduce: the index of the prediction whose `fields` (normalized) most
 * predictions agree on. Ties go to the value seen first, so members listed best first win them.
 * Failed predictions do not vote; when all failed, the first one is returned.
 */
export function majorityIndex(predictions: readonly Prediction[], fields: readonly string[]): number {
  const counts = new Map<string, { count: number; first: number }>();
  predictions.forEach((p, i) => {
    if (p.error !== undefined) return;
    const key = JSON.stringify(fields.map((f) => normalizeAnswer(p.outputs[f])));
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { count: 1, first: i });
  });
  let winner: { count: number; first: number } | undefined;
  for (const entry of counts.values()) if (!winner || entry.count > winner.count) winner = entry;
  return winner?.first ?? 0;
}

export type ReduceFn = 'majority';

/**
 * An ensemble at evaluation time (DSPy's Ensemble with `reduce_fn=dspy.majority`): runs every
 * member on the same input, in parallel, and returns the winning member's outputs. The trace
 * holds every member's steps, so usage and call counts stay honest.
 */
export async function runEnsemble(
  run: (member: ProgramState) => Promise<Prediction>,
  members: readonly ProgramState[],
  fields: readonly string[],
  reduce: ReduceFn = 'majority',
): Promise<Prediction> {
  if (members.length === 0) throw new Error('an ensemble needs at least one program');
  const predictions = await Promise.all(members.map((m) => run(m)));
  let winner: number;
  switch (reduce) {
    case 'majority':
      winner = majorityIndex(predictions, fields);
      break;
    default: {
      const unknown: never = reduce;
      throw new Error(`unknown reduce_fn '${String(unknown)}'`);
    }
  }
  const chosen = predictions[winner] as Prediction;
  return {
    outputs: chosen.outputs,
    trace: predictions.flatMap((p) => p.trace),
    usage: predictions.reduce((u, p) => addUsage(u, p.usage), ZERO_USAGE),
    savedUsage: predictions.reduce((u, p) => addUsage(u, p.savedUsage), ZERO_USAGE),
    ...(chosen.error === undefined ? {} : { error: chosen.error }),
  };
}
