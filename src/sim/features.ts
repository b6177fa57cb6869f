/**
 * What the simulated model notices in a prompt, independent of the task: whether it is asked to
 * reason first, whether the instructions ask for step-by-step work or a strict output format,
 * and helpers to find the fields a task needs. Task models add their own, task-specific features.
 */
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
