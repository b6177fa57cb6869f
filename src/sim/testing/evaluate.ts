/**
 * Test-only helpers: run the simulated model over generated items with a given prompt and
 * measure accuracy, the way an optimizer's metric would (exact match on the parsed field).
 */
import { simulateChat } from '../model';
import { blockValues } from '../parse/blocks';
import type { ArithmeticRow } from '../tasks/arithmetic';
import type { ClassificationRow } from '../tasks/classify';
import { dspyMessages } from './dspyFormat';
import type { FixtureSignature, FixtureValues } from './dspyFormat';

export interface PromptSetup {
  instructions?: string;
  reasoning?: boolean;
  labelType?: string;
  temperature?: number;
  seed?: number;
}

export function classifySignature(setup: PromptSetup = {}): FixtureSignature {
  return {
    inputs: [{ name: 'text' }],
    outputs: [...(setup.reasoning ? [{ name: 'reasoning' }] : []), { name: 'label', type: setup.labelType ?? 'str' }],
    instructions: setup.instructions,
  };
}

export function additionSignature(setup: PromptSetup = {}): FixtureSignature {
  return {
    inputs: [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ],
    outputs: [...(setup.reasoning ? [{ name: 'reasoning' }] : []), { name: 'sum', type: 'int' }],
    instructions: setup.instructions,
  };
}

/** The reply's fields for one request, parsed as DSPy's ChatAdapter would. */
export function ask(sig: FixtureSignature, demos: FixtureValues[], inputs: FixtureValues, setup: PromptSetup = {}): Record<string, string> {
  const result = simulateChat({
    model: 'sim-1',
    temperature: setup.temperature ?? 0,
    ...(setup.seed !== undefined ? { seed: setup.seed } : {}),
    messages: dspyMessages(sig, demos, inputs),
  });
  return blockValues(result.choices[0]?.message.content ?? '');
}

export function classificationAccuracy(
  items: ClassificationRow[],
  setup: PromptSetup,
  demosFor: (row: ClassificationRow) => FixtureValues[] = () => [],
): number {
  const sig = classifySignature(setup);
  const correct = items.filter((row) => ask(sig, demosFor(row), { text: row.text }, setup).label === row.label).length;
  return correct / items.length;
}

export function additionAccuracy(items: ArithmeticRow[], setup: PromptSetup, demos: FixtureValues[] = []): number {
  const sig = additionSignature(setup);
  const correct = items.filter((row) => ask(sig, demos, { a: row.a, b: row.b }, setup).sum === String(row.sum)).length;
  return correct / items.length;
}
