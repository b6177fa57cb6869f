import type { Example } from '../data/types';
import type { ProgramState, Trace } from '../program/types';
import { Rng, hashSeed } from '../random';
import type { Demo } from '../signature/types';

/** LabeledFewShot's pick: `min(k, |train|)` examples, every field kept, sampled with `seed`. */
export function labeledDemos(trainset: readonly Example[], k: number, seed: number): Demo[] {
  return new Rng(seed).sample(trainset, k).map((ex) => ({ ...ex.data }));
}

/** Every predictor of `state` with `demos` in place of its own. */
export function withDemos(state: ProgramState, demosFor: (predictor: string) => Demo[]): ProgramState {
  const out: ProgramState = {};
  for (const [name, predictor] of Object.entries(state)) out[name] = { ...predictor, demos: demosFor(name) };
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** DSPy compares a demo to the example by value (same keys, same values). */
export function isDemoOf(demo: Demo, example: Example): boolean {
  const keys = Object.keys(demo);
  if (keys.length !== Object.keys(example.data).length) return false;
  return keys.every((k) => k in example.data && sameValue(demo[k], example.data[k]));
}

/** The teacher as it runs on `example`: that example is removed from its demos, so it cannot copy the answer. */
export function teacherFor(teacher: ProgramState, example: Example): ProgramState {
  return withDemos(teacher, (name) => (teacher[name]?.demos ?? []).filter((d) => !isDemoOf(d, example)));
}

/**
 * One demo per predictor from a successful trace: `{ augmented, ...inputs, ...outputs }` in that
 * key order, as DSPy builds them. A predictor that ran several times (a loop) contributes one of
 * its steps: the last one or a random earlier one, half and half, seeded by the steps' content.
 */
export function traceDemos(trace: Trace, predictors: ReadonlySet<string>): Map<string, Demo> {
  const byPredictor = new Map<string, Demo[]>();
  for (const step of trace) {
    if (!predictors.has(step.predictor)) continue;
    const demo: Demo = { augmented: true, ...step.inputs, ...step.outputs };
    const list = byPredictor.get(step.predictor) ?? [];
    list.push(demo);
    byPredictor.set(step.predictor, list);
  }
  const out = new Map<string, Demo>();
  for (const [name, demos] of byPredictor) {
    const last = demos[demos.length - 1] as Demo;
    if (demos.length === 1) {
      out.set(name, last);
      continue;
    }
    const rng = new Rng(hashSeed(JSON.stringify(demos)));
    out.set(name, rng.next() < 0.5 ? rng.choice(demos.slice(0, -1)) : last);
  }
  return out;
}
