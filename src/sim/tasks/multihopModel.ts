/**
 * The simulated model's skill on multi-hop questions. A simulator, not a model: it plays the
 * three steps of a two-hop program (write a first search query; read the passages and write a
 * second query; answer from the passages) and reads only the prompt. Each step succeeds for a
 * question iff a latent u (a hash of the question) is below a skill p that grows with what the
 * prompt teaches: demos whose second query names the bridge person found in their passages,
 * instructions that ask for the intermediate entity, a reasoning field. Zero-shot the model
 * often repeats the whole question as its second query, so the search misses the passage that
 * holds the answer, and it then guesses a city it can see.
 */
import { hashUnit } from '../hash';
import { asksStepByStep, noiseAmplitude, reasoningField } from '../features';
import type { BehaviourReply, OutputValue, ParsedPrompt, SampleContext, SimField } from '../types';
import { MAKER_PHRASES, citiesIn, findBirthCity, findBridge, namedPeople, readMultihopQuestion } from './multihop';
import type { MultihopRole } from './multihop';

const K = {
  concise: 0.55,
  conciseDemo: 0.12,
  vague: 0.3,
  bridge: 0.22,
  bridgeDemo: 0.22,
  badDemo: 0.05,
  bridgeRule: 0.15,
  reason: 0.08,
  read: 0.8,
  readDemo: 0.04,
  readReason: 0.06,
  step: 0.03,
  focused: 0.12,
};

const QUERY_FIELD = /query|search/i;
/** Instructions that ask for the intermediate entity rather than the question's words. */
const BRIDGE_RULE = /\b(bridge|intermediate|missing (entity|person|name|link)|(name|identify|find) (the|that) (person|entity|founder|author|director|maker)|who (founded|wrote|directed|made))\b/i;
const CONCISE_RULE = /\b(concise|short|keywords?|key terms|entity|entities|name of)\b/i;

interface Question {
  role: MultihopRole;
  work: string;
  text: string;
  name: string;
}

function findQuestion(values: Record<string, string>): Question | null {
  for (const [name, text] of Object.entries(values)) {
    const read = readMultihopQuestion(text);
    if (read) return { ...read, text, name };
  }
  return null;
}

/** Everything but the question: the passages the step was given. */
function passagesText(values: Record<string, string>, questionName: string): string {
  return Object.entries(values)
    .filter(([n]) => n !== questionName)
    .map(([, v]) => v)
    .join('\n');
}

const ROLE_VERB: Record<MultihopRole, string> = { founder: 'founded', author: 'written', director: 'directed' };

function demoFeatures(prompt: ParsedPrompt, outName: string) {
  let concise = 0;
  let bridge = 0;
  let bad = 0;
  let correct = 0;
  for (const demo of prompt.demos) {
    const dq = findQuestion(demo.values);
    const out = demo.values[outName];
    if (!dq || out === undefined) continue;
    const passages = passagesText(demo.values, dq.name);
    const person = findBridge(passages, dq.role, dq.work);
    const city = person ? findBirthCity(passages, person) : null;
    if (out.includes(dq.work) && !out.includes('?')) concise++;
    if (person && out.includes(person) && !out.includes(dq.work)) bridge++;
    if (out.trim() === dq.text.trim()) bad++;
    if (city && out.trim() === city) correct++;
  }
  return { concise, bridge, bad, correct };
}

function firstQuery(q: Question, u: number, p: number): { query: string; thought: string } {
  if (u < p) return { query: `${q.work} ${ROLE_VERB[q.role]} by`, thought: `First I need to know who the ${q.role} of ${q.work} is, so I search for ${q.work}.` };
  if (hashUnit('mh-vague', q.text) < K.vague) {
    return { query: `${q.role} birthplace city`, thought: `The question asks about a ${q.role} and a birthplace.` };
  }
  return { query: q.text, thought: `I search for the question as it is.` };
}

function secondQuery(q: Question, passages: string, u: number, p: number): { query: string; thought: string } {
  const person = findBridge(passages, q.role, q.work);
  if (person && u < p) {
    return { query: `${person} born`, thought: `The passages say ${q.work} ${MAKER_PHRASES[q.role]} ${person}. Now I need where ${person} was born.` };
  }
  const decoys = namedPeople(passages).filter((n) => n !== person);
  if (decoys.length > 0 && hashUnit('mh-decoy', q.text) < 0.5) {
    const decoy = decoys[Math.floor(hashUnit('mh-which', q.text) * decoys.length)] as string;
    return { query: `${decoy} born`, thought: `The passages mention ${decoy} in connection with ${q.work}, so I look up ${decoy}.` };
  }
  return { query: q.text, thought: 'I search for the question again.' };
}

function answer(q: Question, passages: string, u: number, p: number): { answer: string; thought: string } {
  const person = findBridge(passages, q.role, q.work);
  const city = person ? findBirthCity(passages, person) : null;
  if (person && city && u < p) {
    return { answer: city, thought: `${q.work} ${MAKER_PHRASES[q.role]} ${person}, and ${person} was born in ${city}. So the answer is ${city}.` };
  }
  const seen = citiesIn(passages).filter((c) => c !== city);
  const guess = seen[Math.floor(hashUnit('mh-guess', q.text) * seen.length)] ?? 'Unknown';
  const why = person ? `${q.work} ${MAKER_PHRASES[q.role]} ${person}.` : `I could not find who the ${q.role} of ${q.work} is.`;
  return { answer: guess, thought: `${why} The passages mention ${guess}, so I answer ${guess}.` };
}

/** Answers one step of a multi-hop QA program, or null when the request is not one. */
export function answerMultihop(prompt: ParsedPrompt, ctx: SampleContext): BehaviourReply | null {
  const q = findQuestion(prompt.inputsNow);
  const reasoning = reasoningField(prompt);
  // One answer field (after any reasoning): a ReAct step (thought, tool, args) is the agent's to play.
  const answers = prompt.outputs.filter((f) => f !== reasoning);
  const out: SimField | undefined = answers.length === 1 ? answers[0] : undefined;
  if (!q || !out) return null;
  const passages = passagesText(prompt.inputsNow, q.name);
  const d = demoFeatures(prompt, out.name);
  const noise = (hashUnit('noise', ctx.key) - 0.5) * noiseAmplitude(ctx.temperature);
  const reasons = reasoning !== null || asksStepByStep(prompt.instructions);
  const values: Record<string, OutputValue> = {};
  let thought: string;
  if (QUERY_FIELD.test(out.name) && passages.trim() === '') {
    const p = K.concise + Math.min(d.concise, 3) * K.conciseDemo + (CONCISE_RULE.test(prompt.instructions) ? K.focused : 0) + noise;
    const r = firstQuery(q, hashUnit('mh-hop1', q.text), p);
    values[out.name] = r.query;
    thought = r.thought;
  } else if (QUERY_FIELD.test(out.name)) {
    const p =
      K.bridge + Math.min(d.bridge, 3) * K.bridgeDemo - Math.min(d.bad, 3) * K.badDemo + (BRIDGE_RULE.test(prompt.instructions) ? K.bridgeRule : 0) + (reasons ? K.reason : 0) + noise;
    const r = secondQuery(q, passages, hashUnit('mh-hop2', q.text), p);
    values[out.name] = r.query;
    thought = r.thought;
  } else {
    const p = K.read + Math.min(d.correct, 3) * K.readDemo + (reasoning ? K.readReason : 0) + (asksStepByStep(prompt.instructions) ? K.step : 0) + noise;
    const r = answer(q, passages, hashUnit('mh-read', q.text), p);
    values[out.name] = r.answer;
    thought = r.thought;
  }
  if (reasoning) values[reasoning.name] = thought;
  return { kind: 'fields', values };
}
