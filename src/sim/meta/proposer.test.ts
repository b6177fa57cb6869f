import { describe, expect, it } from 'vitest';
import { simulateChat } from '../model';
import { blockValues } from '../parse/blocks';
import { generateArithmetic } from '../tasks/arithmetic';
import { generateClassification } from '../tasks/classify';
import { dspyMessages } from '../testing/dspyFormat';
import type { FixtureSignature } from '../testing/dspyFormat';
import { additionAccuracy, classificationAccuracy } from '../testing/evaluate';
import { parseAttempts } from './proposer';

const train = generateClassification(40, 5);
const test = generateClassification(200, 1);
const BASIC = 'Given the fields `text`, produce the fields `label`.';
const TIPS = [
  '',
  "Don't be afraid to be creative when creating the new instruction!",
  'Keep the instruction clear and concise.',
  'Make sure your instruction is very informative and descriptive.',
  'The instruction should include a high stakes scenario in which the LM must solve the task!',
  'Include a persona that is relevant to the task in the instruction (ie. "You are a ...")',
];

// MIPROv2's GenerateSingleModuleInstruction, as the grounded proposer sends it.
const GROUNDED: FixtureSignature = {
  inputs: [{ name: 'dataset_description' }, { name: 'task_demos' }, { name: 'basic_instruction' }, { name: 'tip' }],
  outputs: [{ name: 'proposed_instruction' }],
  instructions:
    'Use the information below to learn about a task that we are trying to solve using calls to an LM, then generate a new instruction that will be used to prompt a Language Model to better solve the task.',
};

function proposeWith(taskDemos: string, tip: string, seed: number, description = 'Customer messages.'): string {
  const inputs = { dataset_description: description, task_demos: taskDemos, basic_instruction: BASIC, tip };
  const content = simulateChat({ model: 'sim-1', temperature: 1, seed, messages: dspyMessages(GROUNDED, [], inputs) }).choices[0]?.message.content;
  return blockValues(content ?? '').proposed_instruction ?? '';
}

const demoText = train
  .slice(0, 8)
  .map((r) => `Text: ${r.text}\nLabel: ${r.label}`)
  .join('\n\n');

describe('grounded instruction proposal', () => {
  const proposals = TIPS.map((tip, i) => proposeWith(demoText, tip, i));
  const scores = proposals.map((instructions) => classificationAccuracy(test, { instructions }));
  const zeroShot = classificationAccuracy(test, {});

  it('writes what the demos show: the label set and the settled-topic rule', () => {
    expect(proposals.some((p) => /billing, shipping, technical or account/.test(p))).toBe(true);
    expect(proposals.some((p) => /already resolved|sorted out/.test(p))).toBe(true);
  });

  it('varies with tip and seed, so that some proposals are better than others', () => {
    expect(new Set(proposals).size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(0.05);
  });

  it('finds an instruction that beats the default by at least 15 points without demos', () => {
    expect(Math.max(...scores) - zeroShot).toBeGreaterThanOrEqual(0.15);
  });

  it('cannot name labels it was never shown', () => {
    const blind = TIPS.map((tip, i) => proposeWith('No task demos provided.', tip, i, 'Not available'));
    for (const p of blind) expect(p).not.toMatch(/billing|shipping/);
  });

  it('learns the carry rule from addition demos', () => {
    const rows = generateArithmetic(12, 3);
    const demos = rows.map((r) => `A: ${r.a}\nB: ${r.b}\nSum: ${r.sum}`).join('\n\n');
    const inputs = { dataset_description: 'Pairs of numbers and their sum.', task_demos: demos, basic_instruction: 'Given the fields `a`, `b`, produce the fields `sum`.', tip: TIPS[3] as string };
    const content = simulateChat({ temperature: 1, seed: 1, messages: dspyMessages(GROUNDED, [], inputs) }).choices[0]?.message.content ?? '';
    const instruction = blockValues(content).proposed_instruction ?? '';
    expect(instruction).toMatch(/carry/i);
    const hard = generateArithmetic(200, 1);
    expect(additionAccuracy(hard, { instructions: instruction })).toBeGreaterThan(additionAccuracy(hard, {}));
  });
});

describe('COPRO proposal from scored attempts', () => {
  const COPRO: FixtureSignature = {
    inputs: [{ name: 'attempted_instructions' }],
    outputs: [{ name: 'proposed_instruction' }, { name: 'proposed_prefix_for_output_field' }],
    instructions: 'You are an instruction optimizer for large language models.',
  };
  const attempts = [
    '[1] «Instruction #2: Classify the ticket.»',
    '[2] «Prefix #2: Label:»',
    '[3] «Resulting Score #2: 0.41»',
    '[4] «Instruction #1: Answer with exactly one label: billing, shipping, technical or account. Ignore topics the customer says are already resolved.»',
    '[5] «Prefix #1: Label:»',
    '[6] «Resulting Score #1: 0.66»',
  ].join('\n');

  it('parses both attempt formats', () => {
    expect(parseAttempts(attempts).map((a) => a.score)).toEqual([0.41, 0.66]);
    expect(parseAttempts('"Be precise." | Score: 0.5')).toEqual([{ instruction: 'Be precise.', score: 0.5 }]);
  });

  it('keeps what the best attempts said and proposes an output prefix', () => {
    const content = simulateChat({ temperature: 1.4, messages: dspyMessages(COPRO, [], { attempted_instructions: attempts }) }).choices[0]?.message.content ?? '';
    const values = blockValues(content);
    expect(values.proposed_instruction).toContain('Answer with exactly one label: billing, shipping, technical or account.');
    expect(values.proposed_prefix_for_output_field).toMatch(/:$/);
  });
});

describe('MIPROv2 chain: dataset summary, then a proposal without demos', () => {
  it('carries the label set and the rule from the summary into the instruction', () => {
    const describer: FixtureSignature = { inputs: [{ name: 'examples' }], outputs: [{ name: 'observations' }] };
    const repr = `[${train
      .slice(0, 10)
      .map((r) => `Example({'text': '${r.text}', 'label': '${r.label}'}) (input_keys={'text'})`)
      .join(', ')}]`;
    const observations = blockValues(simulateChat({ temperature: 1, messages: dspyMessages(describer, [], { examples: repr }) }).choices[0]?.message.content ?? '').observations ?? '';
    const proposals = TIPS.map((tip, i) => proposeWith('No task demos provided.', tip, i, observations));
    expect(proposals.some((p) => /billing/.test(p) && /resolved/.test(p))).toBe(true);
  });
});
