/**
 * The simulated model's skill on the support-ticket task. It is a simulator, not a model: each
 * ticket has a latent difficulty u (mostly a hash of its text, partly of text and prompt: see
 * itemDifficulty) and is answered correctly iff u < p, where p is computed from what the prompt
 * teaches. A better prompt fixes many more tickets than it breaks, a consistent signal, while
 * prompts of equal skill fail on partly different tickets (so a majority vote can help). A
 * separate latent v decides whether the answer comes out off-format ("Billing issue" instead of
 * `billing`), which demos and label lists prevent.
 */
import { hashUnit } from '../hash';
import { asksStepByStep, asksStrictFormat, fieldOptions, itemDifficulty, mainTextInput, promptContentKey, noiseAmplitude, reasoningField } from '../features';
import type { BehaviourReply, OutputValue, ParsedPrompt, SampleContext, SimField } from '../types';
import { sentences } from '../text';
import { SUPPORT_LABELS, cuesIn, isSupportLabel, readTicket } from './support';
import type { SupportLabel, TicketReading } from './support';
import { supportReasoning } from './classifyReasoning';

/** The knobs of the quality model, tuned so zero-shot is mediocre and each lever is measurable. */
const K = {
  commonKnown: 0.9,
  commonMisTaught: 0.3,
  rareUnknown: 0.25,
  rareTaught: 0.9,
  misTaught: 0.05,
  resistBase: 0.4,
  rule: 0.42,
  reasonMixed: 0.2,
  mixedDemo: 0.12,
  demo: 0.05,
  // Generic demos saturate at four; more help only by covering the ticket's own term (relevant).
  maxDemos: 4,
  relevant: 0.1,
  wrongDemo: 0.1,
  labels: 0.05,
  step: 0.04,
  offZero: 0.2,
  offLiteral: 0.06,
  offDemos: 0.05,
  offShown: 0.03,
  offNamed: 0.02,
  offStrict: 0.01,
};

const SETTLED_WORDS = /\b(fine|resolved|settled|sorted|already|working|works|no issue|no problem)\b/i;
const SET_ASIDE = /\b(ignore|disregard|skip|not by|rather than|instead of|remains|remaining|still|regardless)\b/i;
const REAL_PROBLEM = /\b(actual|real|remaining|current|unresolved|outstanding|open) (problem|issue|complaint|request)\b/i;

/** The mixed-ticket rule: some sentence says to set aside what is settled, or to follow the real problem. */
export function statesSettledRule(instructions: string): boolean {
  return sentences(instructions).some((s) => (SETTLED_WORDS.test(s) && SET_ASIDE.test(s)) || REAL_PROBLEM.test(s));
}

export interface SupportFeatures {
  field: SimField;
  options: string[];
  /** Cue phrase -> label as the prompt shows it (demos first, then instructions override). */
  taught: Map<string, SupportLabel>;
  correctDemos: number;
  wrongDemos: number;
  mixedShown: number;
  demoLabels: Set<SupportLabel>;
  demoCues: Map<string, number>;
  labelsNamed: Set<SupportLabel>;
  ruleStated: boolean;
  stepByStep: boolean;
  strictFormat: boolean;
  reasoning: SimField | null;
}

function labelsIn(text: string): { label: SupportLabel; at: number }[] {
  const lower = text.toLowerCase();
  const out: { label: SupportLabel; at: number }[] = [];
  for (const label of SUPPORT_LABELS) {
    for (const m of lower.matchAll(new RegExp(`\\b${label}\\b`, 'g'))) out.push({ label, at: m.index });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Mappings an instruction states: each cue takes the nearest label after it in its sentence. */
function taughtByInstructions(instructions: string, taught: Map<string, SupportLabel>): void {
  for (const sentence of sentences(instructions)) {
    const labels = labelsIn(sentence);
    if (labels.length === 0) continue;
    const lower = sentence.toLowerCase();
    for (const cue of cuesIn(sentence)) {
      const at = lower.indexOf(cue.phrase);
      const after = labels.find((l) => l.at > at);
      const label = (after ?? labels[labels.length - 1])?.label;
      if (label) taught.set(cue.phrase, label);
    }
  }
}

export function toSupportLabel(value: string): SupportLabel | null {
  const v = value.trim().toLowerCase().replace(/[^a-z]/g, '');
  return isSupportLabel(v) ? v : null;
}

export function supportFeatures(prompt: ParsedPrompt, field: SimField, textName: string): SupportFeatures {
  const f: SupportFeatures = {
    field,
    options: fieldOptions(field),
    taught: new Map(),
    correctDemos: 0,
    wrongDemos: 0,
    mixedShown: 0,
    demoLabels: new Set(),
    demoCues: new Map(),
    labelsNamed: new Set(labelsIn(prompt.instructions).map((l) => l.label)),
    ruleStated: statesSettledRule(prompt.instructions),
    stepByStep: asksStepByStep(prompt.instructions),
    strictFormat: asksStrictFormat(prompt.instructions),
    reasoning: reasoningField(prompt),
  };
  for (const demo of prompt.demos) {
    const text = demo.values[textName];
    const shown = demo.values[field.name];
    if (text === undefined || shown === undefined) continue;
    const reading = readTicket(text);
    const label = toSupportLabel(shown);
    if (!reading || !label) continue;
    f.demoLabels.add(label);
    f.taught.set(reading.cue.phrase, label);
    f.demoCues.set(reading.cue.phrase, (f.demoCues.get(reading.cue.phrase) ?? 0) + (label === reading.label ? 1 : 0));
    if (label === reading.label) {
      f.correctDemos++;
      if (reading.distractor) f.mixedShown++;
    } else f.wrongDemos++;
  }
  taughtByInstructions(prompt.instructions, f.taught);
  return f;
}

/** The probability-like skill p for one ticket under this prompt (before noise). */
export function supportSkill(f: SupportFeatures, reading: TicketReading): number {
  const taught = f.taught.get(reading.cue.phrase);
  let p: number;
  if (!reading.cue.rare) p = taught && taught !== reading.label ? K.commonMisTaught : K.commonKnown;
  else if (taught === reading.label) p = K.rareTaught;
  else p = taught ? K.misTaught : K.rareUnknown;
  if (reading.distractor) {
    const resist =
      K.resistBase + (f.ruleStated ? K.rule : 0) + (f.reasoning ? K.reasonMixed : 0) + Math.min(f.mixedShown, 2) * K.mixedDemo;
    p *= Math.min(resist, 0.97);
  }
  p += Math.min(f.correctDemos, K.maxDemos) * K.demo - Math.min(f.wrongDemos, 4) * K.wrongDemo;
  p += Math.min(f.demoCues.get(reading.cue.phrase) ?? 0, 2) * K.relevant;
  if (f.labelsNamed.size >= 3) p += K.labels;
  if (f.stepByStep || f.reasoning) p += K.step;
  return p;
}

/** How often the label comes out off-format, given what the prompt shows about the label set. */
export function offFormatRate(f: SupportFeatures, truth: SupportLabel): number {
  const known = f.options.some((o) => o.toLowerCase() === truth) || f.demoLabels.has(truth) || f.labelsNamed.has(truth);
  let rate = K.offZero;
  if (f.options.length > 0) rate = Math.min(rate, K.offLiteral);
  if (f.correctDemos + f.wrongDemos > 0) rate = Math.min(rate, K.offDemos);
  if (f.demoLabels.has(truth)) rate = Math.min(rate, K.offShown);
  if (f.labelsNamed.size >= 3 && f.labelsNamed.has(truth)) rate = Math.min(rate, K.offNamed);
  if (f.strictFormat) rate = Math.min(rate, known ? K.offStrict : K.offDemos);
  return rate;
}

const OFF_FORMAT: Record<SupportLabel, string[]> = {
  billing: ['Billing issue', 'Payments', 'Invoice question'],
  shipping: ['Shipping problem', 'Delivery', 'Order status'],
  technical: ['Technical issue', 'Tech support', 'Bug report'],
  account: ['Account access', 'Login problem', 'Account issue'],
};

function surface(f: SupportFeatures, label: SupportLabel): string {
  return f.options.find((o) => o.toLowerCase() === label) ?? label;
}

function wrongLabel(f: SupportFeatures, reading: TicketReading, text: string): SupportLabel {
  const taught = f.taught.get(reading.cue.phrase);
  if (taught && taught !== reading.label) return taught;
  if (reading.distractor) return reading.distractor.label;
  if (reading.cue.rare) return reading.cue.naive;
  const others = SUPPORT_LABELS.filter((l) => l !== reading.label);
  return others[Math.floor(hashUnit('wrong', text) * others.length)] as SupportLabel;
}

/** Answers a ticket-classification request, or null when the input is not a support ticket. */
export function answerSupport(prompt: ParsedPrompt, field: SimField, ctx: SampleContext): BehaviourReply | null {
  const input = mainTextInput(prompt);
  const reading = input ? readTicket(input.value) : null;
  if (!input || !reading) return null;
  const f = supportFeatures(prompt, field, input.name);
  const inputKey = Object.values(prompt.inputsNow).join('\n');
  const u = itemDifficulty(prompt, inputKey);
  // Format slips are the prompt's: another prompt slips on other tickets.
  const v = hashUnit('format', inputKey, promptContentKey(prompt));
  const p = supportSkill(f, reading) + (hashUnit('noise', ctx.key) - 0.5) * noiseAmplitude(ctx.temperature);
  const correct = u < p;
  const label = correct ? reading.label : wrongLabel(f, reading, input.value);
  const offChoices = OFF_FORMAT[label];
  const shown = v < offFormatRate(f, reading.label) ? (offChoices[Math.floor(hashUnit('off', ctx.key) * offChoices.length)] as string) : surface(f, label);
  const values: Record<string, OutputValue> = {};
  if (f.reasoning) values[f.reasoning.name] = supportReasoning(reading, label, correct, ctx.key);
  values[field.name] = shown;
  return { kind: 'fields', values };
}
