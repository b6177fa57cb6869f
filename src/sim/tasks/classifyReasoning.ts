/** Short, plausible reasoning for a ticket, consistent with the label the model settled on. */
import { hashUnit } from '../hash';
import type { SupportLabel, TicketReading } from './support';

function pick(options: string[], key: string): string {
  return options[Math.floor(hashUnit('reasoning', key) * options.length)] as string;
}

export function supportReasoning(reading: TicketReading, label: SupportLabel, correct: boolean, key: string): string {
  const { cue, distractor } = reading;
  if (correct && distractor) {
    return pick(
      [
        `The customer says the ${distractor.phrase} is settled, so that is not the problem. What is still wrong is the ${cue.phrase}, which is a ${label} matter.`,
        `Two topics appear. The ${distractor.phrase} is described as fine already; the open issue is the ${cue.phrase}. That goes to ${label}.`,
      ],
      key,
    );
  }
  if (!correct && distractor && label === distractor.label) {
    return `The ticket mentions the ${distractor.phrase}, which is a ${label} topic.`;
  }
  if (correct) {
    return pick([`The ticket is about the ${cue.phrase}. That belongs to ${label}.`, `The key term is "${cue.phrase}", a ${label} issue.`], key);
  }
  return pick([`The ${cue.phrase} sounds like a ${label} topic.`, `This looks like a ${label} request about the ${cue.phrase}.`], key);
}
