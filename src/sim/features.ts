/**
 * What the simulated model notices in a prompt, independent of the task: whether it is asked to
 * reason first, whether the instructions ask for step-by-step work or a strict output format,
 * and helpers to find the fields a task needs. Task models add their own, task-specific features.
 */
import { hashString, hashUnit } from './hash';
import type { ParsedPrompt, SimField } from './types';
import { literalOptions, typeKind } from './parse/fields';

const REASONING_FIELDS = new Set(['reasoning', 'rationale', 'thought', 'thinking', 'chain_of_thought']);

/** ChainOfThought prepends `reasoning`: the model writes it first and thinks before answering. */
export function reasoningField(prompt: ParsedPrompt): SimField | null {
  const first = prompt.outputs[0];
  return first && REASONING_FIELDS.has(first.name) && prompt.outputs.length > 1 ? first : null;
}

export function asksStepByStep(instructions: string): boolean {
  return /step[- ]by[- ]step|think (carefully|first|it through)|reason (about|through|carefully)|work through|show (your|the) work/i.test(instructions);
}

/** Instructions that pin the answer's surface form ("only the number", "exactly one of", "lowercase"). */
export function asksStrictFormat(instructions: string): boolean {
  return /\b(only|just|exactly|nothing else|no other (words|text)|no extra|lowercase|lower-case|single (word|number|integer|label))\b/i.test(
    instructions,
  );
}

const LABEL_NAMES = new Set(['label', 'category', 'intent', 'sentiment', 'class', 'topic', 'classification', 'department', 'queue', 'route']);

/** An instruction that names a label-like output in backticks (DSPy's default: "produce the fields `label`"). */
export function namesLabelOutput(instruction: string): boolean {
  const produced = /produce the fields? (.*)/i.exec(instruction)?.[1] ?? instruction;
  return [...produced.matchAll(/`(\w+)`/g)].some((m) => LABEL_NAMES.has((m[1] ?? '').toLowerCase()));
}

/** The output that holds a class label: a Literal type, or a label-like name. */
export function labelField(prompt: ParsedPrompt): SimField | null {
  const candidates = prompt.outputs.filter((f) => !REASONING_FIELDS.has(f.name));
  return (
    candidates.find((f) => typeKind(f.type) === 'literal') ??
    candidates.find((f) => LABEL_NAMES.has(f.name.toLowerCase()) && (typeKind(f.type) === 'str' || typeKind(f.type) === 'literal')) ??
    null
  );
}

export function fieldOptions(field: SimField): string[] {
  return literalOptions(field.type);
}

/** The longest text among the current inputs: what a classifier reads. */
export function mainTextInput(prompt: ParsedPrompt): { name: string; value: string } | null {
  let best: { name: string; value: string } | null = null;
  for (const [name, value] of Object.entries(prompt.inputsNow)) {
    if (!best || value.length > best.value.length) best = { name, value };
  }
  return best;
}

/** Noise amplitude for the skill: small at temperature 0, larger when sampling hot. */
export function noiseAmplitude(temperature: number): number {
  return 0.04 + 0.06 * Math.min(Math.max(temperature, 0), 1.5);
}

/** How much of an item's difficulty depends on the prompt rather than on the item alone. */
export const PROMPT_DIFFICULTY_SHARE = 0.3;

/** A hash of what a prompt teaches (instructions and demos), not of the request's own inputs. */
export function promptContentKey(prompt: ParsedPrompt): number {
  return hashString(`${prompt.instructions}\u241f${JSON.stringify(prompt.demos.map((d) => d.values))}`);
}

/** CDF of a·U + b·U' (U, U' uniform on [0, 1), a ≥ b > 0): maps the weighted sum back to uniform. */
function trapezoidCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x < b) return (x * x) / (2 * a * b);
  if (x <= a) return (x - b / 2) / a;
  if (x < a + b) return 1 - ((a + b - x) * (a + b - x)) / (2 * a * b);
  return 1;
}

/**
 * An item's latent difficulty under this prompt, uniform on [0, 1): mostly the item's own (a hash
 * of its inputs), partly a hash of the item together with the prompt's instructions and demos.
 * Prompts of equal skill therefore fail on overlapping but different items, as real models do,
 * while one prompt still answers an item the same way every time.
 */
export function itemDifficulty(prompt: ParsedPrompt, inputKey: string): number {
  const own = hashUnit('difficulty', inputKey);
  const mixed = hashUnit('difficulty-prompt', inputKey, promptContentKey(prompt));
  const a = 1 - PROMPT_DIFFICULTY_SHARE;
  return trapezoidCdf(a * own + PROMPT_DIFFICULTY_SHARE * mixed, a, PROMPT_DIFFICULTY_SHARE);
}
