/**
 * GEPA's reflection call: a single user message "I provided an assistant with the following
 * instructions to perform a task for me: ``` ... ```" followed by examples with the assistant's
 * outputs and feedback. The answer is new instructions in a ``` block: the current instruction
 * plus the facts the examples and feedback reveal that it does not state yet.
 */
import { SimRng } from '../hash';
import type { BehaviourReply, SampleContext } from '../types';
import { sentences } from '../text';
import { composeInstruction, missingFacts } from './compose';
import { gatherInsights } from './insight';

export const REFLECTION_OPENING = 'I provided an assistant with the following instructions to perform a task for me:';

export function isReflection(userText: string): boolean {
  return userText.trimStart().startsWith(REFLECTION_OPENING);
}

const DEFAULT_INSTRUCTION = /^Given the fields .*, produce the fields .*\.$/;

export function reflect(userText: string, ctx: SampleContext): BehaviourReply {
  const blocks = userText.split('```');
  const current = (blocks[1] ?? '').trim();
  // The template closes with "within ``` blocks.", so the side info spans blocks 3 .. length-3.
  const examples = blocks.length >= 6 ? blocks.slice(3, -2).join('```') : (blocks[3] ?? '');
  const insights = gatherInsights(examples);
  const rng = new SimRng(`reflect:${ctx.key}`);
  const kept = sentences(current).filter((s) => !DEFAULT_INSTRUCTION.test(s));
  const fresh = missingFacts(insights, current).filter(() => rng.chance(0.85));
  let instruction: string;
  if (kept.length === 0) instruction = composeInstruction(insights, current, 'description', rng);
  else instruction = [...kept, ...fresh].join(' ');
  if (instruction === current && insights.task !== 'unknown') {
    instruction = `${current} Double-check the answer against the examples' feedback before replying.`;
  }
  return {
    kind: 'text',
    text: `Looking at the examples and the feedback, the assistant needs a few more facts.\n\n\`\`\`\n${instruction}\n\`\`\``,
  };
}
