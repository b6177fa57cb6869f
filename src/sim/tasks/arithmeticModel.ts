/**
 * The simulated model's skill on additions. A simulator, not a model: each item has a latent
 * difficulty u (a hash of its inputs); it is answered correctly iff u < p, where p falls with
 * the number of carries and rises with what the prompt offers (correct demos, demos with carries,
 * instructions that mention carrying or step-by-step work, a reasoning field). Wrong answers drop
 * a carry, as people do.
 */
import { hashUnit } from '../hash';
import { asksStepByStep, asksStrictFormat, noiseAmplitude, reasoningField } from '../features';
import { typeKind } from '../parse/fields';
import type { BehaviourReply, OutputValue, ParsedPrompt, SampleContext } from '../types';
import { carryPositions, digitCount } from './arithmetic';
import type { AdditionItem } from './arithmetic';

const K = {
  base: 0.97,
  perCarry: 0.16,
  perDigit: 0.02,
  carryRule: 0.09,
  reasonPerCarry: 0.09,
  reason: 0.03,
  carryDemo: 0.035,
  demo: 0.015,
  maxDemos: 6,
  wrongDemo: 0.12,
  step: 0.03,
  offZero: 0.1,
  offDemos: 0.015,
  offStrict: 0.02,
};

const CARRY = /\bcarr(y|ies|ying|ied)\b/i;

export interface ArithmeticFeatures {
  correctDemos: number;
  carryDemos: number;
  wrongDemos: number;
  carryRule: boolean;
  stepByStep: boolean;
  strictFormat: boolean;
  reasoning: boolean;
}

function demoNumbers(values: Record<string, string>): number[] {
  return Object.values(values)
    .map((v) => v.trim())
    .filter((v) => /^[-+]?\d{1,12}$/.test(v))
    .map(Number);
}

export function arithmeticFeatures(prompt: ParsedPrompt, item: AdditionItem): ArithmeticFeatures {
  const f: ArithmeticFeatures = {
    correctDemos: 0,
    carryDemos: 0,
    wrongDemos: 0,
    carryRule: CARRY.test(prompt.instructions),
    stepByStep: asksStepByStep(prompt.instructions) || /digit[- ]by[- ]digit|column/i.test(prompt.instructions),
    strictFormat: asksStrictFormat(prompt.instructions),
    reasoning: reasoningField(prompt) !== null,
  };
  const inputNames = Object.keys(prompt.inputsNow);
  for (const demo of prompt.demos) {
    const inputs = demoNumbers(Object.fromEntries(inputNames.map((n) => [n, demo.values[n] ?? ''])));
    const shown = demo.values[item.field.name];
    if (inputs.length < 2 || shown === undefined) continue;
    const [a, b] = inputs as [number, number];
    if (Number(shown.trim()) === a + b) {
      f.correctDemos++;
      if (carryPositions(a, b).length > 0) f.carryDemos++;
      // A bootstrapped demo whose reasoning talks about carrying teaches the rule as well.
      if (Object.values(demo.values).some((v) => CARRY.test(v))) f.carryRule = true;
    } else f.wrongDemos++;
  }
  return f;
}

export function arithmeticSkill(f: ArithmeticFeatures, a: number, b: number): number {
  const carries = carryPositions(a, b).length;
  let p = K.base - carries * K.perCarry - Math.max(0, Math.max(digitCount(a), digitCount(b)) - 2) * K.perDigit;
  if (carries > 0) {
    if (f.carryRule) p += carries * K.carryRule;
    if (f.reasoning) p += carries * K.reasonPerCarry;
    p += Math.min(f.carryDemos, 3) * K.carryDemo * Math.min(carries, 2);
  }
  if (f.reasoning) p += K.reason;
  if (f.stepByStep) p += K.step;
  p += Math.min(f.correctDemos, K.maxDemos) * K.demo - Math.min(f.wrongDemos, 4) * K.wrongDemo;
  return p;
}

function offFormatRate(f: ArithmeticFeatures): number {
  let rate = K.offZero;
  if (f.correctDemos > 0) rate = K.offDemos;
  if (f.strictFormat) rate = Math.min(rate, K.offStrict);
  return rate;
}

/** The column-by-column working, skipping the carry at `dropped` (a wrong answer) if given. */
export function additionReasoning(a: number, b: number, dropped: number | null): string {
  if (a < 0 || b < 0) return `Adding ${a} and ${b} gives ${a + b}.`;
  const names = ['ones', 'tens', 'hundreds', 'thousands', 'ten-thousands', 'hundred-thousands'];
  const steps: string[] = [];
  let x = a;
  let y = b;
  let carry = 0;
  let total = 0;
  for (let pos = 0; x > 0 || y > 0 || carry > 0; pos++) {
    const s = (x % 10) + (y % 10) + carry;
    const nextCarry = s >= 10 && pos + 1 !== dropped ? 1 : 0;
    total += (s % 10) * 10 ** pos;
    const name = names[pos] ?? `10^${pos}`;
    steps.push(
      nextCarry
        ? `${name}: ${x % 10} + ${y % 10}${carry ? ' + 1' : ''} = ${s}, write ${s % 10} and carry 1`
        : `${name}: ${x % 10} + ${y % 10}${carry ? ' + 1' : ''} = ${s}${s >= 10 ? `, write ${s % 10}` : ''}`,
    );
    carry = nextCarry;
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return `Add digit by digit from the right. ${steps.join('; ')}. So ${a} + ${b} = ${total}.`;
}

export function answerAddition(prompt: ParsedPrompt, item: AdditionItem, ctx: SampleContext): BehaviourReply {
  const { a, b, field } = item;
  const f = arithmeticFeatures(prompt, item);
  const inputKey = Object.values(prompt.inputsNow).join('\n');
  const u = hashUnit('difficulty', inputKey);
  const v = hashUnit('format', inputKey);
  const p = arithmeticSkill(f, a, b) + (hashUnit('noise', ctx.key) - 0.5) * noiseAmplitude(ctx.temperature);
  const carries = carryPositions(a, b);
  let dropped: number | null = null;
  let result = a + b;
  if (u >= p) {
    if (carries.length > 0 && a >= 0 && b >= 0) {
      dropped = carries[Math.floor(hashUnit('drop', inputKey) * carries.length)] as number;
      result -= 10 ** dropped;
    } else result += hashUnit('slip', inputKey) < 0.5 ? 1 : -10;
  }
  const values: Record<string, OutputValue> = {};
  const reasoning = reasoningField(prompt);
  if (reasoning) values[reasoning.name] = additionReasoning(a, b, dropped);
  const offFormat = v < offFormatRate(f);
  const variants = [`The sum is ${result}`, `${a} + ${b} = ${result}`, `${result}.`, `${result} (sum)`];
  if (offFormat) values[field.name] = variants[Math.floor(hashUnit('off', ctx.key) * variants.length)] as string;
  else values[field.name] = typeKind(field.type) === 'str' ? String(result) : result;
  return { kind: 'fields', values };
}
