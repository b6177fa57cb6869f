import { describe, expect, it } from 'vitest';
import { simulateChat } from '../model';
import { blockValues } from '../parse/blocks';
import { generateClassification } from '../tasks/classify';
import { readTicket } from '../tasks/support';
import { dspyMessages } from '../testing/dspyFormat';
import type { FixtureSignature, FixtureValues } from '../testing/dspyFormat';
import { classificationAccuracy } from '../testing/evaluate';
import { REFLECTION_OPENING } from './reflection';

const test = generateClassification(200, 1);
const train = generateClassification(60, 8);
const reply = (sig: FixtureSignature, inputs: FixtureValues) =>
  blockValues(simulateChat({ model: 'sim-1', temperature: 1, messages: dspyMessages(sig, [], inputs) }).choices[0]?.message.content ?? '');

function gepaPrompt(instruction: string, examples: string): string {
  return `${REFLECTION_OPENING}\n\`\`\`\n${instruction}\n\`\`\`\n\nThe following are examples of different task inputs provided to the assistant along with the assistant's response for each of them, and some feedback on how the assistant's response could be better:\n\`\`\`\n${examples}\n\`\`\`\n\nYour task is to write a new instruction for the assistant.\n\nProvide the new instructions within \`\`\` blocks.`;
}

describe('GEPA reflection', () => {
  const mixed = train.filter((r) => readTicket(r.text)?.distractor).slice(0, 3);
  const examples = mixed
    .map((r, i) => {
      const fooled = readTicket(r.text)?.distractor?.label;
      return `# Example ${i + 1}\n## Inputs\n### text\n${r.text}\n\n## Generated Outputs\n### label\n${fooled}\n\n## Feedback\nIncorrect. The expected label is ${r.label}.\n`;
    })
    .join('\n\n');
  const current = 'Given the fields `text`, produce the fields `label`.';
  const text = simulateChat({ temperature: 1, messages: [{ role: 'user', content: gepaPrompt(current, examples) }] }).choices[0]?.message.content ?? '';
  const instruction = /```\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '';

  it('answers with new instructions inside a ``` block', () => {
    expect(instruction.length).toBeGreaterThan(20);
  });

  it('states what the failures and feedback reveal, and the new instruction scores better', () => {
    // Each fact is written down with a probability: judge ten samples of the same request.
    const samples = simulateChat({ temperature: 1, n: 10, messages: [{ role: 'user', content: gepaPrompt(current, examples) }] }).choices.map(
      (c) => /```\n([\s\S]*?)\n```/.exec(c.message.content)?.[1] ?? '',
    );
    const stating = samples.filter((s) => /resolved|remains/.test(s));
    expect(stating.length).toBeGreaterThanOrEqual(7);
    // The feedback's expected label ("The expected label is billing") teaches the rare term.
    expect(samples.some((s) => s.includes('"dunning notice" means billing'))).toBe(true);
    expect(samples.every((s) => s.includes('"dunning notice" means billing') || !s.includes('dunning notice'))).toBe(true);
    expect(classificationAccuracy(test, { instructions: stating[0] })).toBeGreaterThan(classificationAccuracy(test, { instructions: current }) + 0.1);
  });

  it('keeps a non-default current instruction and only adds to it', () => {
    const again = simulateChat({ temperature: 1, messages: [{ role: 'user', content: gepaPrompt('Route the ticket carefully.', examples) }] }).choices[0]?.message.content ?? '';
    expect(again).toContain('Route the ticket carefully.');
  });
});

describe('LM judge', () => {
  const sig: FixtureSignature = {
    inputs: [{ name: 'question' }, { name: 'gold_answer' }, { name: 'predicted_answer' }],
    outputs: [{ name: 'reasoning' }, { name: 'is_correct', type: 'bool' }, { name: 'score', type: 'float' }],
  };

  it('judges by normalized comparison', () => {
    expect(reply(sig, { question: 'Queue?', gold_answer: 'billing', predicted_answer: 'Billing.' })).toMatchObject({ is_correct: 'True', score: '1' });
    expect(reply(sig, { question: 'Sum?', gold_answer: '85', predicted_answer: '75' })).toMatchObject({ is_correct: 'False', score: '0' });
    expect(reply(sig, { question: 'Sum?', gold_answer: '85', predicted_answer: 'It is 85' })).toMatchObject({ is_correct: 'True' });
  });
});

describe('dataset and program descriptions', () => {
  const describer: FixtureSignature = { inputs: [{ name: 'examples' }], outputs: [{ name: 'observations' }] };
  const examples = train
    .slice(0, 10)
    .map((r) => `Example({'text': '${r.text}', 'label': '${r.label}'}) (input_keys={'text'})`)
    .join('\n');

  it('observes the label set and the settled-topic pattern', () => {
    const observations = reply(describer, { examples }).observations ?? '';
    expect(observations).toMatch(/billing/);
    expect(observations).toMatch(/already resolved/);
  });

  it('says COMPLETE when prior observations already hold the same facts', () => {
    const first = reply(describer, { examples }).observations ?? '';
    const withPrior: FixtureSignature = { inputs: [{ name: 'examples' }, { name: 'prior_observations' }], outputs: [{ name: 'observations' }] };
    expect(reply(withPrior, { examples, prior_observations: first }).observations).toBe('COMPLETE');
  });

  it('describes a program and a module in a sentence each', () => {
    const sig: FixtureSignature = { inputs: [{ name: 'program_code' }, { name: 'program_example' }], outputs: [{ name: 'program_description' }] };
    expect(reply(sig, { program_code: 'class Add(dspy.Module): ...', program_example: 'A: 2\nB: 3\nSum: 5' }).program_description).toMatch(/adds two integers/);
  });
});

describe("SIMBA's OfferFeedback", () => {
  const sig: FixtureSignature = {
    inputs: [{ name: 'program_inputs' }, { name: 'oracle_metadata' }, { name: 'worse_program_outputs' }, { name: 'better_program_outputs' }, { name: 'module_names', type: 'list[str]' }],
    outputs: [{ name: 'discussion' }, { name: 'module_advice', type: 'dict[str, str]' }],
  };
  const ticket = train.find((r) => readTicket(r.text)?.distractor) as { text: string; label: string };

  it('advises every module by name, stating the pattern of the example', () => {
    const values = reply(sig, {
      program_inputs: JSON.stringify({ text: ticket.text }),
      oracle_metadata: JSON.stringify({ label: ticket.label }),
      worse_program_outputs: JSON.stringify({ label: readTicket(ticket.text)?.distractor?.label }),
      better_program_outputs: JSON.stringify({ label: ticket.label }),
      module_names: JSON.stringify(['classify', 'route.predict']),
    });
    const advice = JSON.parse(values.module_advice ?? '{}') as Record<string, string>;
    expect(Object.keys(advice)).toEqual(['classify', 'route.predict']);
    expect(advice.classify).toContain(ticket.label);
    // 800 tickets: a prompt's own share of each ticket's difficulty makes 200 too few for a 10-point check.
    const mixed = generateClassification(800, 1).filter((r) => readTicket(r.text)?.distractor);
    expect(classificationAccuracy(mixed, { instructions: advice.classify })).toBeGreaterThan(classificationAccuracy(mixed, {}) + 0.1);
  });
});
