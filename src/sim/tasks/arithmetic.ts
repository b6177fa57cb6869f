/**
 * The arithmetic task: adding two integers (the seed example `a: int, b: int -> sum: int`).
 * Holds the data generator, the carry analysis that makes an item hard, and recognition of an
 * addition in a prompt (two numeric inputs, or an "x + y" in a text input).
 */
import { SimRng } from '../hash';
import { isNumericKind, typeKind } from '../parse/fields';
import type { ParsedPrompt, SimField } from '../types';

// A type alias, not an interface, so rows pass where plain records are expected.
export type ArithmeticRow = {
  a: number;
  b: number;
  sum: number;
};

/** Positions (0 = ones) that receive a carry when adding two non-negative integers. */
export function carryPositions(a: number, b: number): number[] {
  const out: number[] = [];
  let x = Math.abs(Math.trunc(a));
  let y = Math.abs(Math.trunc(b));
  let carry = 0;
  for (let pos = 0; x > 0 || y > 0; pos++) {
    const s = (x % 10) + (y % 10) + carry;
    carry = s >= 10 ? 1 : 0;
    if (carry) out.push(pos + 1);
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return out;
}

export function digitCount(n: number): number {
  return String(Math.abs(Math.trunc(n))).length;
}

function randomNumber(rng: SimRng, digits: number): number {
  if (digits === 1) return rng.int(0, 9);
  return rng.int(10 ** (digits - 1), 10 ** digits - 1);
}

/**
 * `count` additions, reproducible from `seed`, from one digit to four, so that there are easy
 * items (no carry) and hard ones (several carries).
 */
export function generateArithmetic(count: number, seed: number): ArithmeticRow[] {
  const rng = new SimRng(`arithmetic:${seed}`);
  const rows: ArithmeticRow[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const digits = roll < 0.15 ? 1 : roll < 0.45 ? 2 : roll < 0.75 ? 3 : 4;
    const a = randomNumber(rng, digits);
    const b = randomNumber(rng, rng.chance(0.7) ? digits : Math.max(1, digits - 1));
    rows.push({ a, b, sum: a + b });
  }
  return rows;
}

export interface AdditionItem {
  a: number;
  b: number;
  field: SimField;
}

const INTEGER = /^[-+]?\d{1,12}$/;
const OTHER_OPERATION = /\b(multipl|product|times|subtract|difference|minus|divide|quotient|ratio)/i;
const ADDITION_WORDS = /\b(add|adds|adding|addition|sum|plus|total)\b/i;
const REASONING = new Set(['reasoning', 'rationale', 'thought', 'thinking']);

function expressionIn(text: string): [number, number] | null {
  const m = /(-?\d{1,12})\s*\+\s*(-?\d{1,12})/.exec(text) ?? /\b(?:sum of|add)\s+(-?\d{1,12})\s+(?:and|to)\s+(-?\d{1,12})/i.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The addition a prompt asks for, and the output field that should hold the result. */
export function findAddition(prompt: ParsedPrompt): AdditionItem | null {
  const outputs = prompt.outputs.filter((f) => !REASONING.has(f.name));
  if (outputs.length === 0 || OTHER_OPERATION.test(prompt.instructions)) return null;
  const numeric = outputs.find((f) => isNumericKind(typeKind(f.type)));
  const named = outputs.find((f) => /^(sum|total|result|answer)$/i.test(f.name));
  const field = numeric ?? named;
  const values = Object.values(prompt.inputsNow).map((v) => v.trim());
  const numbers = values.filter((v) => INTEGER.test(v)).map(Number);
  const mentionsAddition = ADDITION_WORDS.test(`${prompt.instructions} ${outputs.map((f) => f.name).join(' ')}`);
  if (numbers.length >= 2 && field && (numeric || mentionsAddition)) {
    return { a: numbers[0] as number, b: numbers[1] as number, field };
  }
  for (const value of values) {
    const expr = expressionIn(value);
    if (expr) return { a: expr[0], b: expr[1], field: field ?? (outputs[0] as SimField) };
  }
  return null;
}
