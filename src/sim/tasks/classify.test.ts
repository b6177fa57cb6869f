import { describe, expect, it } from 'vitest';
import { ask, classificationAccuracy, classifySignature } from '../testing/evaluate';
import { generateClassification } from './classify';
import type { ClassificationRow } from './classify';
import { SUPPORT_LABELS, readTicket } from './support';

const test = generateClassification(200, 1);
const train = generateClassification(300, 2);
const RULE = 'If the customer says one topic is fine or already resolved, ignore it and classify by the problem that remains.';
const LABELS = 'Answer with exactly one label: billing, shipping, technical or account.';

/** Four correct demos that share the ticket's key term when the training set has one. */
const trainCues = train.map((t) => readTicket(t.text)?.cue.phrase);
function relevantDemos(row: ClassificationRow): ClassificationRow[] {
  const cue = readTicket(row.text)?.cue.phrase;
  const same = train.filter((t, i) => trainCues[i] === cue && t.text !== row.text);
  return [...same, ...train].slice(0, 4);
}

describe('generateClassification', () => {
  it('is reproducible from its seed and varies with it', () => {
    expect(generateClassification(20, 9)).toEqual(generateClassification(20, 9));
    expect(generateClassification(20, 9)).not.toEqual(generateClassification(20, 10));
  });

  it('labels every ticket with the world truth, covers all four queues and mixes difficulties', () => {
    for (const row of test) expect(readTicket(row.text)?.label).toBe(row.label);
    expect(new Set(test.map((r) => r.label))).toEqual(new Set(SUPPORT_LABELS));
    const mixed = test.filter((r) => readTicket(r.text)?.distractor).length;
    const rare = test.filter((r) => readTicket(r.text)?.cue.rare).length;
    expect(mixed).toBeGreaterThan(40);
    expect(rare).toBeGreaterThan(40);
  });
});

describe('the classification signal (200 held-out tickets)', () => {
  const zeroShot = classificationAccuracy(test, {});

  it('is mediocre zero-shot', () => {
    expect(zeroShot).toBeGreaterThan(0.35);
    expect(zeroShot).toBeLessThan(0.55);
  });

  it('gains at least 20 points from 4 relevant correct demos', () => {
    expect(classificationAccuracy(test, {}, relevantDemos) - zeroShot).toBeGreaterThanOrEqual(0.2);
  });

  it('gains at least 20 points from the first 4 training tickets as demos (what bootstrapping finds)', () => {
    expect(classificationAccuracy(test, {}, () => train.slice(0, 4)) - zeroShot).toBeGreaterThanOrEqual(0.2);
  });

  it('gains at least 15 points from an instruction that names the labels and the rule, without demos', () => {
    expect(classificationAccuracy(test, { instructions: `Classify the ticket. ${LABELS} ${RULE}` }) - zeroShot).toBeGreaterThanOrEqual(0.15);
  });

  it('rewards each lever on its own: labels, the rule (on mixed tickets), reasoning', () => {
    // 800 tickets: part of a ticket's difficulty depends on the prompt, so two prompts differ by
    // about ±3 points on 200 tickets even at equal skill, more than reasoning's small lever.
    const wide = generateClassification(800, 1);
    const wideZero = classificationAccuracy(wide, {});
    const mixed = wide.filter((r) => readTicket(r.text)?.distractor);
    expect(classificationAccuracy(wide, { instructions: LABELS })).toBeGreaterThan(wideZero + 0.08);
    expect(classificationAccuracy(mixed, { instructions: RULE })).toBeGreaterThan(classificationAccuracy(mixed, {}) + 0.15);
    expect(classificationAccuracy(wide, { reasoning: true })).toBeGreaterThan(wideZero + 0.03);
  });

  it('fixes many more tickets than it breaks with a better prompt (different prompts fail on partly different tickets)', () => {
    const sig = classifySignature({});
    const better = classifySignature({ instructions: `${LABELS} ${RULE}` });
    const right = (s: typeof sig) => test.map((r) => ask(s, [], { text: r.text }).label === r.label);
    const [before, after] = [right(sig), right(better)];
    const lost = before.filter((ok, i) => ok && !after[i]).length;
    const fixed = before.filter((ok, i) => !ok && after[i]).length;
    // Measured 7 lost, 56 fixed: not a strict superset, as with real models, but a clear gain.
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThanOrEqual(fixed / 4);
  });

  it('is hurt by demos with wrong labels', () => {
    const shift = (label: string) => SUPPORT_LABELS[(SUPPORT_LABELS.indexOf(label as never) + 1) % SUPPORT_LABELS.length] as string;
    const wrong = train.slice(0, 4).map((r) => ({ ...r, label: shift(r.label) }));
    expect(classificationAccuracy(test, {}, () => wrong)).toBeLessThan(zeroShot - 0.1);
  });

  it('answers off-format zero-shot sometimes, and in the exact label set once demos show it', () => {
    const sig = classifySignature({});
    const labels = (demos: ClassificationRow[]) => test.map((r) => ask(sig, demos, { text: r.text }).label ?? '');
    const offZero = labels([]).filter((l) => !(SUPPORT_LABELS as readonly string[]).includes(l)).length;
    const offDemos = labels(train.slice(0, 8)).filter((l) => !(SUPPORT_LABELS as readonly string[]).includes(l)).length;
    expect(offZero).toBeGreaterThan(20);
    expect(offDemos).toBeLessThan(offZero / 3);
  });
});
