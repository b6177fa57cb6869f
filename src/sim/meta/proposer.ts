/**
 * Instruction proposal, as MIPROv2's grounded proposer (`proposed_instruction` from a dataset
 * description, task demos, a basic instruction and a tip) and COPRO (`proposed_instruction` and
 * `proposed_prefix_for_output_field`, from the basic instruction or from scored attempts) ask it.
 * The proposal is built from what the prompt shows (see insight.ts) and, when scored attempts
 * are listed, keeps the sentences of the best ones: search over proposals has real signal.
 * Seeing only an instruction (COPRO), it writes general advice for the output it names (for a
 * `label`: classification advice, see compose.ts) and tries new advice on top of the best attempts.
 */
import { SimRng } from '../hash';
import type { BehaviourReply, OutputValue, ParsedPrompt, SampleContext } from '../types';
import { sentences } from '../text';
import { composeInstruction, missingFacts, tipStyle } from './compose';
import { gatherInsights } from './insight';

export const PROPOSAL_FIELDS = ['proposed_instruction', 'new_instruction', 'improved_instruction', 'instruction', 'instructions'];

export function isProposal(prompt: ParsedPrompt): boolean {
  return prompt.outputs.some((f) => PROPOSAL_FIELDS.includes(f.name));
}

interface Attempt {
  instruction: string;
  score: number;
}

/** COPRO's "Instruction #n / Resulting Score #n" lists and MIPRO's "<instruction> | Score: x" lines. */
export function parseAttempts(text: string): Attempt[] {
  const out: Attempt[] = [];
  const byNumber = new Map<string, Partial<Attempt>>();
  for (const m of text.matchAll(/Instruction #(\d+): ([^\n»]*)/g)) byNumber.set(m[1] ?? '', { instruction: (m[2] ?? '').trim() });
  for (const m of text.matchAll(/Resulting Score #(\d+): (-?[\d.]+)/g)) {
    const entry = byNumber.get(m[1] ?? '');
    if (entry) entry.score = Number(m[2]);
  }
  for (const entry of byNumber.values()) {
    if (entry.instruction && entry.score !== undefined && Number.isFinite(entry.score)) out.push(entry as Attempt);
  }
  for (const m of text.matchAll(/^(.+?)\s*\|\s*Score:\s*(-?[\d.]+)/gm)) {
    out.push({ instruction: (m[1] ?? '').replace(/^[["\s«]+|[\]"\s»]+$/g, ''), score: Number(m[2]) });
  }
  return out;
}

const DEFAULT_INSTRUCTION = /^Given the fields .*, produce the fields .*\.$/;

function prefixFor(basic: string): string {
  const fields = /produce the fields (.*)\./.exec(basic)?.[1] ?? '';
  const last = [...fields.matchAll(/`(\w+)`/g)].pop()?.[1] ?? 'answer';
  return `${last.charAt(0).toUpperCase()}${last.slice(1).replace(/_/g, ' ')}:`;
}

export function propose(prompt: ParsedPrompt, ctx: SampleContext): BehaviourReply {
  const inputs = prompt.inputsNow;
  const basic = inputs.basic_instruction ?? inputs.current_instruction ?? inputs.instruction ?? '';
  const seen = Object.entries(inputs)
    .filter(([name]) => name !== 'tip')
    .map(([, value]) => value)
    .join('\n\n');
  const insights = gatherInsights(seen);
  const rng = new SimRng(`propose:${ctx.key}`);
  const style = tipStyle(inputs.tip ?? '');
  const attempts = parseAttempts(seen).sort((a, b) => b.score - a.score);
  let instruction: string;
  if (attempts.length > 0) {
    // Keep what the best attempts said, then add a fact they missed, if any.
    const kept = new Set<string>();
    for (const attempt of attempts.slice(0, 2)) {
      for (const s of sentences(attempt.instruction)) if (!DEFAULT_INSTRUCTION.test(s)) kept.add(s);
    }
    // Facts the attempts missed; a task the proposer knows nothing about gets new advice to try.
    const original = basic || (attempts.map((a) => a.instruction).find((i) => DEFAULT_INSTRUCTION.test(i)) ?? '');
    const missing =
      insights.task === 'unknown'
        ? sentences(composeInstruction(insights, original, style, rng)).filter((s) => !kept.has(s))
        : missingFacts(insights, [...kept].join(' '));
    const fresh = missing.filter(() => rng.chance(0.6));
    instruction = [...kept, ...fresh].join(' ') || composeInstruction(insights, basic, style, rng);
  } else {
    instruction = composeInstruction(insights, basic, style, rng);
  }
  const values: Record<string, OutputValue> = {};
  for (const field of prompt.outputs) {
    if (PROPOSAL_FIELDS.includes(field.name)) values[field.name] = instruction;
    else if (field.name === 'proposed_prefix_for_output_field') values[field.name] = prefixFor(basic);
    else values[field.name] = 'I looked at the task description and the examples to decide what the instruction must say.';
  }
  return { kind: 'fields', values };
}
