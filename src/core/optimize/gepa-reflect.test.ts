import { describe, expect, it } from 'vitest';
import { createSimFetch } from '../../sim';
import type { ExampleResult } from '../evaluate/types';
import { createOpenAIClient } from '../lm/openai-client';
import type { TraceStep } from '../program/types';
import { extractInstruction, formatItems, proposeInstruction, reflectionPrompt, reflectiveDataset } from './gepa-reflect';

const usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
function result(step: Partial<TraceStep>, score: number, feedback?: string): ExampleResult {
  const full: TraceStep = { predictor: 'classify', nodeId: 'n1', inputs: {}, outputs: {}, calls: [], ...step };
  return { exampleId: 'e', score, feedback, prediction: { outputs: full.outputs, trace: [full], usage, savedUsage: usage } };
}

describe('reflectiveDataset', () => {
  it('makes one {Inputs, Generated Outputs, Feedback} item per example that reached the component', () => {
    const items = reflectiveDataset('classify', [
      result({ inputs: { text: 'My card was charged twice' }, outputs: { label: 'shipping' } }, 0, "expected label 'billing', got 'shipping'"),
      result({ predictor: 'other' }, 1),
      result({ inputs: { text: 'x' }, outputs: { label: 'billing' } }, 1),
    ]);
    expect(items).toEqual([
      { inputs: { text: 'My card was charged twice' }, outputs: { label: 'shipping' }, feedback: "expected label 'billing', got 'shipping'" },
      { inputs: { text: 'x' }, outputs: { label: 'billing' }, feedback: 'This trajectory got a score of 1.' },
    ]);
  });

  it('shows the raw reply of a step whose reply could not be parsed', () => {
    const calls = [{ adapter: 'chat' as const, messages: [], raw: 'Label: Billing issue', usage, cached: false, latencyMs: 1, error: 'no field' }];
    const [item] = reflectiveDataset('classify', [result({ inputs: { text: 't' }, error: 'parse failed', calls }, 0, 'the program failed')]);
    expect(item?.outputs).toBe("Couldn't parse the output as per the expected output format. The model's raw response was:\nLabel: Billing issue");
  });
});

describe('the reflection prompt', () => {
  const items = [{ inputs: { text: 'Where is my parcel?' }, outputs: { label: 'billing' }, feedback: "expected label 'shipping', got 'billing'" }];

  it("formats GEPA's sections and template", () => {
    expect(formatItems(items)).toBe("# Example 1\n## Inputs\n### text\nWhere is my parcel?\n\n## Generated Outputs\n### label\nbilling\n\n## Feedback\nexpected label 'shipping', got 'billing'\n");
    const prompt = reflectionPrompt('Classify the ticket.', items);
    expect(prompt.startsWith('I provided an assistant with the following instructions to perform a task for me:\n```\nClassify the ticket.\n```')).toBe(true);
    expect(prompt.endsWith('Provide the new instructions within ``` blocks.')).toBe(true);
  });

  it('reads the instruction out of the reply’s ``` block', () => {
    expect(extractInstruction('Sure.\n```\nNew rule.\n```\n')).toBe('New rule.');
    expect(extractInstruction('```text\nNew rule.\nSecond line.\n```')).toBe('New rule.\nSecond line.');
    expect(extractInstruction('No block here')).toBe('No block here');
  });

  it('gets a new instruction from the simulated reflection model', async () => {
    const lm = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch() });
    const current = 'Given the fields `text`, produce the fields `label`.';
    const proposed = await proposeInstruction(lm, current, items, new AbortController().signal);
    expect(proposed).not.toBe(current);
    expect(proposed).not.toContain('```');
    expect(proposed.length).toBeGreaterThan(20);
  });
});
