/**
 * SIMBA's OfferFeedback: two trajectories (better and worse) of a program on one example, and a
 * request for `module_advice` (a dict from module name to advice). The advice names the pattern
 * the example shows (a settled topic, a rare term and its queue, a carry), so appending it to a
 * module's instructions helps on similar inputs.
 */
import type { BehaviourReply, OutputValue, ParsedPrompt } from '../types';
import { carryPositions } from '../tasks/arithmetic';
import { readTicket } from '../tasks/support';

const ADVICE_FIELDS = ['module_advice', 'advice'];

export function isFeedback(prompt: ParsedPrompt): boolean {
  return prompt.outputs.some((f) => ADVICE_FIELDS.includes(f.name));
}

function moduleNames(raw: string | undefined): string[] {
  if (!raw) return ['self'];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((n) => typeof n === 'string') && parsed.length > 0) return parsed as string[];
  } catch {
    // DSPy may show a list as "[1] «a»" lines instead of JSON
  }
  const quoted = [...raw.matchAll(/«([^»]+)»|"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '').filter(Boolean);
  return quoted.length > 0 ? quoted : [raw.trim() || 'self'];
}

function adviceFor(prompt: ParsedPrompt): string {
  const inputs = prompt.inputsNow.program_inputs ?? '';
  const oracle = prompt.inputsNow.oracle_metadata ?? '';
  const ticket = readTicket(inputs);
  if (ticket) {
    const gold = /\b(billing|shipping|technical|account)\b/i.exec(oracle)?.[1]?.toLowerCase();
    if (ticket.distractor) {
      return `If the ticket says the ${ticket.distractor.phrase} is fine or already resolved, ignore it and classify by the problem that remains (here the ${ticket.cue.phrase}, which is ${ticket.label}), not by the first topic mentioned.`;
    }
    const label = gold ?? ticket.label;
    return `If the ticket mentions "${ticket.cue.phrase}", answer ${label}. Answer with exactly one lowercase label.`;
  }
  const numbers = (inputs.match(/-?\d{1,12}/g) ?? []).map(Number);
  if (numbers.length >= 2 && carryPositions(numbers[0] as number, numbers[1] as number).length > 0) {
    return 'When a column adds up to 10 or more, write the last digit and carry 1 into the next column; add digit by digit from the right and answer with the number only.';
  }
  return 'Follow the better trajectory: read every input field carefully and answer in exactly the requested format.';
}

export function offerFeedback(prompt: ParsedPrompt): BehaviourReply {
  const advice = adviceFor(prompt);
  const dict: Record<string, OutputValue> = {};
  for (const name of moduleNames(prompt.inputsNow.module_names)) dict[name] = advice;
  const values: Record<string, OutputValue> = {};
  for (const field of prompt.outputs) {
    if (ADVICE_FIELDS.includes(field.name)) values[field.name] = dict;
    else values[field.name] = 'The worse trajectory missed the pattern that the better one handled; the advice states it.';
  }
  return { kind: 'fields', values };
}
