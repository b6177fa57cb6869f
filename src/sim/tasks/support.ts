/**
 * The world of the simulated classification task: customer-support tickets routed to one of four
 * queues. The simulator "understands" this world through `readTicket`, which is the ground truth
 * for generated tickets; what the simulated model gets right depends on the prompt (see
 * classify.ts). The tricky parts a prompt can teach:
 * - rare domain terms (`rare: true`) the model does not know unless a demo or the instructions
 *   map them to their queue;
 * - mixed tickets that mention a topic the customer says is fine or resolved before the real
 *   problem: the queue follows the remaining problem, not the first topic mentioned.
 */
import { hasPhrase } from '../text';

export const SUPPORT_LABELS = ['billing', 'shipping', 'technical', 'account'] as const;
export type SupportLabel = (typeof SUPPORT_LABELS)[number];

export interface Cue {
  phrase: string;
  label: SupportLabel;
  rare: boolean;
  /** What the model guesses for a rare term it was never taught. */
  naive: SupportLabel;
}

const common = (label: SupportLabel, phrases: string[]): Cue[] => phrases.map((phrase) => ({ phrase, label, rare: false, naive: label }));
const rare = (label: SupportLabel, pairs: [string, SupportLabel][]): Cue[] =>
  pairs.map(([phrase, naive]) => ({ phrase, label, rare: true, naive }));

export const CUES: readonly Cue[] = [
  ...common('billing', ['invoice', 'refund', 'payment', 'receipt', 'subscription fee', 'double charge']),
  ...common('shipping', ['package', 'delivery', 'tracking number', 'courier', 'parcel', 'shipment']),
  ...common('technical', ['error message', 'app crash', 'bug', 'loading screen', 'sync failure', 'software update']),
  ...common('account', ['password', 'login', 'username', 'email address', 'profile', 'account lockout']),
  ...rare('billing', [['proration', 'account'], ['chargeback', 'shipping'], ['dunning notice', 'account'], ['vat id', 'account']]),
  ...rare('shipping', [['customs form', 'billing'], ['pallet', 'technical'], ['consignment', 'billing'], ['bill of lading', 'billing']]),
  ...rare('technical', [['firmware', 'account'], ['webhook', 'account'], ['latency spike', 'shipping'], ['sdk', 'account']]),
  ...rare('account', [['sso', 'technical'], ['2fa', 'technical'], ['seat transfer', 'billing'], ['saml assertion', 'technical']]),
];

/** Longest phrases first, so that a long cue wins over a shorter one inside it. */
const CUES_BY_LENGTH = [...CUES].sort((a, b) => b.phrase.length - a.phrase.length);

/** Words that mark a clause as "this part is fine": its topic is not the ticket's problem. */
const SETTLED = /\b(fine|resolved|sorted out|already|no issue|no problem|ignore|works now|working now)\b/i;

export function isSupportLabel(text: string): text is SupportLabel {
  return (SUPPORT_LABELS as readonly string[]).includes(text);
}

/** The cues in a text, in the order they appear. */
export function cuesIn(text: string): Cue[] {
  const found: { cue: Cue; at: number }[] = [];
  let rest = ` ${text.toLowerCase()} `;
  for (const cue of CUES_BY_LENGTH) {
    if (hasPhrase(rest, cue.phrase)) {
      found.push({ cue, at: rest.indexOf(cue.phrase) });
      rest = rest.split(cue.phrase).join(' '.repeat(cue.phrase.length));
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.cue);
}

export interface TicketReading {
  label: SupportLabel;
  /** The cue of the problem the ticket is about. */
  cue: Cue;
  /** A cue in a settled clause ("my invoice is fine, but ..."), if any. */
  distractor: Cue | null;
}

/** The ground truth for a ticket: the queue of the problem that is not settled. Null: not a ticket. */
export function readTicket(text: string): TicketReading | null {
  const clauses = text.split(/[.;:!?,]|\bbut\b/i);
  let main: Cue | null = null;
  let distractor: Cue | null = null;
  for (const clause of clauses) {
    const cues = cuesIn(clause);
    const last = cues[cues.length - 1];
    if (!last) continue;
    if (SETTLED.test(clause)) distractor = distractor ?? last;
    else main = last;
  }
  if (!main) return null;
  return { label: main.label, cue: main, distractor: distractor && distractor.label !== main.label ? distractor : null };
}
