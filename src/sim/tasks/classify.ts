/**
 * The classification task's data: support tickets generated from templates, with a range of
 * difficulty (plain tickets with well-known terms, tickets with rare domain terms, and mixed
 * tickets that first mention a settled topic). Labels come from `readTicket`, the world's truth.
 */
import { SimRng } from '../hash';
import { CUES, readTicket } from './support';
import type { Cue, SupportLabel } from './support';

// A type alias, not an interface, so rows pass where plain records are expected.
export type ClassificationRow = {
  text: string;
  label: SupportLabel;
};

const PROBLEM = [
  'I need help with the {c}.',
  'Something is wrong with my {c}.',
  'The {c} is not right.',
  'Can someone look into the {c}?',
  'I have a question about the {c} from last week.',
  'My {c} keeps giving me trouble.',
];

const MIXED = [
  'My {d} is fine, but the {c} is not right.',
  'No issue with the {d}; the real problem is the {c}.',
  'I already sorted out the {d}. Now something is wrong with my {c}.',
  'The {d} was resolved yesterday. I still need help with the {c}.',
  'Ignore the {d}, that works now. Can someone look into the {c}?',
];

const OPENERS = ['', 'Hi, ', 'Hello team, ', 'Urgent: ', 'Good morning. '];
const CLOSERS = ['', ' Thanks!', ' Please advise.', " This is the second time I'm writing.", ' Order #{n}.', ' Ref {n}.'];

const ACRONYMS = new Set(['sso', '2fa', 'sdk', 'vat', 'saml', 'id']);

function shown(cue: Cue): string {
  return cue.phrase
    .split(' ')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(' ');
}

function fill(template: string, rng: SimRng, main: Cue, distractor: Cue | null): string {
  const body = template.replace('{c}', shown(main)).replace('{d}', distractor ? shown(distractor) : '');
  const opener = rng.pick(OPENERS);
  const lower = (opener.endsWith(', ') || opener.endsWith(': ')) && !body.startsWith('I ');
  const text = `${opener}${lower ? body.charAt(0).toLowerCase() + body.slice(1) : body}${rng.pick(CLOSERS)}`;
  return text.replace('{n}', String(rng.int(1000, 99999)));
}

/**
 * `count` tickets, reproducible from `seed`: about 40 % plain, 25 % with a rare term, 35 % mixed
 * (a settled topic first, then the real problem, itself rare in a third of them).
 */
export function generateClassification(count: number, seed: number): ClassificationRow[] {
  const rng = new SimRng(`classification:${seed}`);
  const commonCues = CUES.filter((c) => !c.rare);
  const rareCues = CUES.filter((c) => c.rare);
  const rows: ClassificationRow[] = [];
  while (rows.length < count) {
    const roll = rng.next();
    let text: string;
    if (roll < 0.4) text = fill(rng.pick(PROBLEM), rng, rng.pick(commonCues), null);
    else if (roll < 0.65) text = fill(rng.pick(PROBLEM), rng, rng.pick(rareCues), null);
    else {
      const main = rng.chance(0.33) ? rng.pick(rareCues) : rng.pick(commonCues);
      const others = commonCues.filter((c) => c.label !== main.label);
      text = fill(rng.pick(MIXED), rng, main, rng.pick(others));
    }
    const reading = readTicket(text);
    // Every template yields a readable ticket; the guard keeps the generator honest if one changes.
    if (!reading) throw new Error(`generateClassification: unreadable ticket "${text}"`);
    rows.push({ text, label: reading.label });
  }
  return rows;
}
