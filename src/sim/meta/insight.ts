/**
 * What a simulated proposer, reflector or advisor can learn from the text it is shown (demos,
 * dataset summaries, examples with feedback). Only facts that are visible in that text are
 * learned: the label names, rare terms next to the label they were given, tickets that mention a
 * settled topic first, additions that needed a carry. This is what makes proposals informative:
 * a proposer that saw the tricky cases can write an instruction that states them.
 */
import { carryPositions } from '../tasks/arithmetic';
import { SUPPORT_LABELS, cuesIn, readTicket } from '../tasks/support';
import type { SupportLabel } from '../tasks/support';

export interface Insights {
  task: 'support' | 'arithmetic' | 'unknown';
  labels: SupportLabel[];
  /** Rare term -> label as the examples showed it (feedback's expected label wins). */
  mappings: Map<string, SupportLabel>;
  /** Examples showed tickets whose first topic is settled: the rule can be stated. */
  settledRule: boolean;
  /** The text states that rule in words (a dataset summary), not only shows tickets that need it. */
  settledStated: boolean;
  /** Examples showed additions that carry (or feedback about a dropped carry). */
  carries: boolean;
}

// The metric's feedback names the field: "expected label 'billing', got 'shipping'".
const GOLD = /\b(?:expected(?: [a-z_]+)?(?: is| was)?:?|correct (?:answer|label|output|category) (?:is|was)|should (?:have been|be)|gold(?: label| answer)?(?: is)?:?|ground truth(?: is)?:?|the answer is|true label(?: is)?:?)\s*[`'"«]?([a-z]+)/i;
// GEPA's default feedback is "This trajectory got a score of 0.0." when the metric gives no text.
const WRONG = /\b(incorrect|wrong|mismatch|not correct|failed)\b|score of 0(\.0+)?\b/i;
const SUPPORT_WORDS = /\b(support tickets?|customer-support|customer support|tickets?)\b/i;
const SETTLED_SUMMARY = /(already (resolved|sorted|fine)|settled topic|is fine, but|topic (that is|which is) (already )?(resolved|settled))/i;
const ADDITION = /\b(sum|add|adds|adding|addition|plus)\b|\d\s*\+\s*\d/i;

/** Example-sized pieces: GEPA's "# Example N" sections, otherwise blank-line separated blocks. */
export function chunks(text: string): string[] {
  const parts = /^# Example \d+/m.test(text) ? text.split(/^# Example \d+.*$/m) : text.split(/\n\s*\n/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function labelsInOrder(text: string): SupportLabel[] {
  const lower = text.toLowerCase();
  const found: { label: SupportLabel; at: number }[] = [];
  for (const label of SUPPORT_LABELS) {
    for (const m of lower.matchAll(new RegExp(`\\b${label}\\b`, 'g'))) found.push({ label, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.label);
}

function goldLabel(chunk: string): SupportLabel | null {
  const m = GOLD.exec(chunk);
  const word = m?.[1]?.toLowerCase() ?? '';
  return (SUPPORT_LABELS as readonly string[]).includes(word) ? (word as SupportLabel) : null;
}

function learnSupport(chunk: string, out: Insights): void {
  const gold = goldLabel(chunk);
  // One ticket per piece: lines, and the items of a Python repr or a DSPy list on one line.
  for (const piece of chunk.split(/\n|Example\(|\)\s*,|«|»/)) {
    if (readTicket(piece)?.distractor) out.settledRule = true;
  }
  const lower = chunk.toLowerCase();
  for (const cue of cuesIn(chunk)) {
    if (!cue.rare) continue;
    if (gold) {
      out.mappings.set(cue.phrase, gold);
      continue;
    }
    if (WRONG.test(chunk)) continue;
    const after = labelsInOrder(lower.slice(lower.indexOf(cue.phrase)));
    if (after[0]) out.mappings.set(cue.phrase, after[0]);
  }
}

function learnArithmetic(chunk: string, out: Insights): void {
  if (/\bcarr(y|ies|ying|ied)\b/i.test(chunk)) out.carries = true;
  const numbers = (chunk.match(/-?\d{1,12}/g) ?? []).map(Number);
  for (let i = 0; i + 1 < numbers.length; i++) {
    const x = numbers[i] as number;
    const y = numbers[i + 1] as number;
    const carries = x >= 0 && y >= 0 ? carryPositions(x, y) : [];
    // A later number that is the sum, or the sum with a carry dropped (a wrong answer shown).
    const shown = (z: number) => z === x + y || carries.some((pos) => z === x + y - 10 ** pos);
    if (carries.length > 0 && numbers.slice(i + 2).some(shown)) {
      out.carries = true;
      return;
    }
  }
}

export function gatherInsights(text: string): Insights {
  const out: Insights = { task: 'unknown', labels: [], mappings: new Map(), settledRule: false, settledStated: false, carries: false };
  const labels = new Set(labelsInOrder(text));
  const supportLike = (cuesIn(text).length > 0 && labels.size >= 1) || (SUPPORT_WORDS.test(text) && labels.size >= 2);
  if (supportLike) {
    out.task = 'support';
    out.labels = SUPPORT_LABELS.filter((l) => labels.has(l));
    if (SETTLED_SUMMARY.test(text)) out.settledRule = out.settledStated = true;
    for (const chunk of chunks(text)) learnSupport(chunk, out);
  } else if (ADDITION.test(text) && /\d/.test(text)) {
    out.task = 'arithmetic';
    for (const chunk of chunks(text)) learnArithmetic(chunk, out);
  } else if (ADDITION.test(text)) out.task = 'arithmetic';
  return out;
}
