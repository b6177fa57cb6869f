import { describe, expect, it } from 'vitest';
import { simulateChat } from '../model';
import { parsePrompt } from '../parse/prompt';
import { FEEDBACK_SUMMARY, PROPOSAL_NEW_INSTRUCTION, PROPOSAL_NEW_VALUE } from './ax-fixtures';
import { answerAxMeta, axReflect, readMinibatch, summarizeTrials, trialsAsExamples } from './ax-meta';
import { REFLECTION_OPENING, reflect } from './reflection';
import type { SimMessage } from '../types';

const reply = (messages: SimMessage[]) => simulateChat({ model: 'sim-1', temperature: 0, messages }).choices[0]?.message.content ?? '';

describe('AxGEPA feedback summary', () => {
  it('summarizes the failed trials with their expected and predicted labels', () => {
    const text = reply(FEEDBACK_SUMMARY);
    expect(text.startsWith('feedbackSummary: 4 of 5 examples scored below 1.')).toBe(true);
    expect(text).toContain("dunning notice from last week. Please advise.: expected label 'billing', got 'account'");
    expect(text).toContain("customs form?: expected label 'shipping', got 'billing'");
    expect(text).not.toContain('password');
  });
});

describe('AxGEPA proposal', () => {
  it('answers newValue with the current value plus the facts the minibatch shows', () => {
    const text = reply(PROPOSAL_NEW_VALUE);
    expect(text.startsWith('newValue: Classify the support ticket. ')).toBe(true);
    expect(text).toContain('"dunning notice" means billing');
    expect(text).toContain('"webhook" means technical');
    expect(text.split('\n')).toHaveLength(1);
  });

  it('answers the fallback newInstruction program the same way', () => {
    const text = reply(PROPOSAL_NEW_INSTRUCTION);
    expect(text.startsWith('newInstruction: Classify the support ticket. ')).toBe(true);
    expect(text).toContain('"chargeback" means billing');
  });

  it('is deterministic for identical bodies', () => {
    expect(reply(PROPOSAL_NEW_VALUE)).toBe(reply(PROPOSAL_NEW_VALUE));
  });

  it('gives the instruction our GEPA reflection gives for the same examples and feedback', () => {
    const prompt = parsePrompt(PROPOSAL_NEW_VALUE);
    const ctx = { key: 'same', temperature: 0, seed: undefined };
    const trials = readMinibatch(prompt.inputsNow.minibatch);
    const examples = trialsAsExamples(trials);
    const dspy = reflect(`${REFLECTION_OPENING}\n\`\`\`\nClassify the support ticket.\n\`\`\`\nExamples:\n\`\`\`\n${examples}\n\`\`\`\nProvide the new instructions within \`\`\` blocks.`, ctx);
    const ours = dspy.kind === 'text' ? (dspy.text.split('```')[1] ?? '').trim() : '';
    expect(ours.length).toBeGreaterThan(30);
    expect(axReflect('Classify the support ticket.', trials, '', ctx)).toBe(ours);
  });

  it('writes a full instruction when the current value is empty', () => {
    const trials = readMinibatch(parsePrompt(PROPOSAL_NEW_VALUE).inputsNow.minibatch);
    const out = axReflect('', trials, '', { key: 'empty', temperature: 0, seed: undefined });
    expect(out).toMatch(/billing/);
  });
});

describe('minibatch reading', () => {
  it('renders the exact-match feedback, including trials Ax failed to parse', () => {
    const trials = readMinibatch(
      JSON.stringify([
        { input: { ticketText: 'My webhook fails.', label: 'technical' }, prediction: { label: 'technical' }, score: 1 },
        { input: { ticketText: 'Firmware question.', label: 'technical' }, prediction: { error: 'Generate failed' }, score: 0 },
      ]),
    );
    const text = trialsAsExamples(trials);
    expect(text).toContain("label: got 'technical', which matches the expected 'technical'");
    expect(text).toContain("expected label 'technical', got no valid output");
    expect(text).toContain('### ticketText\nFirmware question.');
    expect(summarizeTrials(trials)).toContain('1 of 2 examples scored below 1.');
  });

  it('treats an unreadable minibatch as no trials', () => {
    expect(readMinibatch('[{"input": ')).toEqual([]);
    expect(readMinibatch('{"a":1}')).toEqual([]);
    expect(summarizeTrials([])).toBe('No examples were scored.');
  });

  it('leaves other Ax programs alone', () => {
    const task: SimMessage[] = [
      { role: 'system', content: (FEEDBACK_SUMMARY[0]?.content as string).replace(/feedbackSummary/g, 'label').replace('Feedback Summary', 'Label') },
      { role: 'user', content: 'Target Id: x\n\nMinibatch: []' },
    ];
    expect(answerAxMeta(parsePrompt(task), { key: 'k', temperature: 0, seed: undefined })).toBeNull();
  });
});
