/**
 * Writes an instruction from what was learned. Which facts make it in is sampled (seeded by the
 * request), shaped by the proposer's tip: some proposals state every useful fact, some only a
 * few, so that an optimizer's search over proposals has better and worse candidates to find.
 */
import type { SimRng } from '../hash';
import { namesLabelOutput } from '../features';
import type { Insights } from './insight';

export type TipStyle = 'none' | 'creative' | 'simple' | 'description' | 'high_stakes' | 'persona';

export function tipStyle(tip: string): TipStyle {
  const t = tip.toLowerCase();
  if (/persona|you are a/.test(t)) return 'persona';
  if (/high stakes/.test(t)) return 'high_stakes';
  if (/creative/.test(t)) return 'creative';
  if (/clear and concise|simple|concise/.test(t)) return 'simple';
  if (/informative|descriptive/.test(t)) return 'description';
  return 'none';
}

/** How likely each useful fact is to be written down under a tip. */
function inclusion(style: TipStyle): number {
  switch (style) {
    case 'description':
      return 0.9;
    case 'simple':
      return 0.45;
    case 'creative':
      return 0.55;
    case 'high_stakes':
    case 'persona':
    case 'none':
      return 0.7;
    default: {
      const never: never = style;
      throw new Error(`unknown tip style ${String(never)}`);
    }
  }
}

function frame(style: TipStyle, task: string, rng: SimRng): string[] {
  switch (style) {
    case 'persona':
      return [rng.pick([`You are a meticulous specialist in ${task}.`, `You are an experienced analyst who handles ${task} every day.`])];
    case 'high_stakes':
      return [`Mistakes in ${task} are costly: real customers and money depend on every answer.`];
    case 'creative':
      return [rng.pick(['Treat each input like a small puzzle.', 'Read the input the way an expert would, then commit to one answer.'])];
    case 'simple':
    case 'description':
    case 'none':
      return [];
    default: {
      const never: never = style;
      throw new Error(`unknown tip style ${String(never)}`);
    }
  }
}

function listLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function supportInstruction(insights: Insights, style: TipStyle, rng: SimRng, keep: number): string[] {
  const parts = [...frame(style, 'customer-support triage', rng)];
  parts.push(rng.pick(['Classify the customer-support ticket into the queue that should handle it.', 'Route each support ticket to exactly one queue.']));
  if (insights.labels.length >= 2 && rng.chance(Math.max(keep, 0.6))) {
    parts.push(`Answer with exactly one label: ${listLabels(insights.labels)} (lowercase, nothing else).`);
  }
  // A rule the proposer read stated in words (a dataset summary) is written down more often than one it must infer.
  if (insights.settledRule && rng.chance(insights.settledStated ? Math.max(keep, 0.85) : keep)) {
    parts.push(
      rng.pick([
        'If the customer says one topic is fine or already resolved, ignore it and classify by the problem that remains.',
        'Classify by the actual problem: ignore topics the customer says are fine, resolved or already sorted out.',
      ]),
    );
  }
  const mappings = [...insights.mappings].filter(() => rng.chance(Math.min(1, keep + 0.15)));
  if (mappings.length > 0) {
    parts.push(`Domain terms: ${mappings.map(([term, label]) => `"${term}" means ${label}`).join('; ')}.`);
  }
  if (rng.chance(keep * 0.5)) parts.push('Think step by step about what the customer still needs before answering.');
  return parts;
}

function arithmeticInstruction(insights: Insights, style: TipStyle, rng: SimRng, keep: number): string[] {
  const parts = [...frame(style, 'exact arithmetic', rng)];
  parts.push(rng.pick(['Add the two integers and give their sum.', 'Compute the exact sum of the two numbers.']));
  if (insights.carries && rng.chance(keep)) {
    parts.push('Add digit by digit from the rightmost column, carrying 1 into the next column whenever a column adds up to 10 or more.');
  }
  if (rng.chance(keep * 0.7)) parts.push('Answer with the number only, no words.');
  if (rng.chance(keep * 0.4)) parts.push('Work step by step and check the result.');
  return parts;
}

/**
 * A label-producing task seen only through its instruction (COPRO's view): the advice a capable
 * model gives for any classification, sampled, so that some proposals carry the useful parts
 * (one allowed label only; decide by the issue that is still open; reason first) and some do not.
 */
function classificationInstruction(basic: string, style: TipStyle, rng: SimRng, keep: number): string[] {
  const parts = [...frame(style, 'text classification', rng)];
  parts.push(rng.pick([basic.trim() || 'Assign the text one label.', 'Read the text and assign the single label that fits it best.', 'Classify the text.']));
  if (rng.chance(keep)) parts.push(rng.pick(['Answer with exactly one of the allowed labels and nothing else.', 'Give the label only.']));
  if (rng.chance(keep * 0.6)) {
    parts.push(
      rng.pick([
        'When the text mentions several topics, label it by the actual issue the writer still needs help with, not by a topic they say is fine.',
        'Decide by the real problem the writer raises; topics they call resolved do not count.',
        'Look for the most important words in the text.',
        'Consider every topic the text mentions before choosing.',
      ]),
    );
  }
  if (rng.chance(keep * 0.5)) parts.push('Think step by step before answering.');
  return parts;
}

function genericInstruction(basic: string, style: TipStyle, rng: SimRng, keep: number): string[] {
  if (namesLabelOutput(basic)) return classificationInstruction(basic, style, rng, keep);
  const parts = [...frame(style, 'this task', rng)];
  parts.push(basic.trim() || 'Read the inputs carefully and produce the requested outputs.');
  if (rng.chance(keep)) parts.push('Answer precisely, in exactly the format each output field asks for.');
  if (rng.chance(keep * 0.5)) parts.push('Think step by step before answering.');
  return parts;
}

export function composeInstruction(insights: Insights, basic: string, style: TipStyle, rng: SimRng): string {
  const keep = inclusion(style);
  switch (insights.task) {
    case 'support':
      return supportInstruction(insights, style, rng, keep).join(' ');
    case 'arithmetic':
      return arithmeticInstruction(insights, style, rng, keep).join(' ');
    case 'unknown':
      return genericInstruction(basic, style, rng, keep).join(' ');
    default: {
      const never: never = insights.task;
      throw new Error(`unknown task ${String(never)}`);
    }
  }
}

/** Facts the current instruction lacks, written as sentences (GEPA's reflection appends them). */
export function missingFacts(insights: Insights, current: string): string[] {
  const lower = current.toLowerCase();
  const out: string[] = [];
  if (insights.task === 'support') {
    const unnamed = insights.labels.filter((l) => !lower.includes(l));
    if (insights.labels.length >= 2 && unnamed.length > 0) {
      out.push(`Answer with exactly one label: ${listLabels(insights.labels)} (lowercase, nothing else).`);
    }
    if (insights.settledRule && !/ignore|resolved|remains|actual problem/.test(lower)) {
      out.push('If the customer says one topic is fine or already resolved, ignore it and classify by the problem that remains.');
    }
    const terms = [...insights.mappings].filter(([term]) => !lower.includes(term));
    if (terms.length > 0) out.push(`Domain terms: ${terms.map(([t, l]) => `"${t}" means ${l}`).join('; ')}.`);
  } else if (insights.task === 'arithmetic') {
    if (insights.carries && !/carr(y|ies|ying)/.test(lower)) {
      out.push('Add digit by digit from the rightmost column, carrying 1 into the next column whenever a column adds up to 10 or more.');
    }
    if (!/number only|only the number/.test(lower)) out.push('Answer with the number only, no words.');
  }
  return out;
}
