import { describe, expect, it } from 'vitest';
import type { TraceStep } from '../../core/program/types';
import { shownValue, stepView } from './trace-view';

const base = { nodeId: 'n1', inputs: {}, outputs: {}, calls: [] } satisfies Omit<TraceStep, 'predictor'>;

describe('stepView', () => {
  it("shows a ReAct step's outputs as thought, tool and args", () => {
    const view = stepView({ ...base, predictor: 'agent.react', outputs: { next_thought: 'Look it up.', next_tool_name: 'search', next_tool_args: { q: 'Acme' } } });
    expect(view).toEqual({
      kind: 'lm',
      title: 'agent.react',
      calls: [],
      fields: [
        { label: 'Thought', text: 'Look it up.' },
        { label: 'Tool', text: 'search' },
        { label: 'Args', text: '{\n  "q": "Acme"\n}' },
      ],
    });
  });

  it('shows a tool call with its observation, or its error', () => {
    expect(stepView({ ...base, predictor: 'agent', action: { kind: 'tool', name: 'search', args: { q: 'x' }, result: 'found', elapsedMs: 12 } })).toEqual({
      kind: 'tool',
      title: 'agent',
      tool: 'search',
      args: '{\n  "q": "x"\n}',
      observation: 'found',
      elapsedMs: 12,
    });
    const failed = stepView({ ...base, predictor: 'agent', action: { kind: 'tool', name: 'search', args: {}, error: "tool 'search' timed out after 2000 ms" } });
    expect(failed).toMatchObject({ kind: 'tool', error: "tool 'search' timed out after 2000 ms" });
    expect(failed).not.toHaveProperty('observation');
  });

  it("shows a code run's inputs and result, and a failed run's message from the step", () => {
    expect(stepView({ ...base, predictor: 'clean', inputs: { text: ' a ' }, action: { kind: 'code', result: { cleaned: 'a' } } })).toMatchObject({
      kind: 'code',
      inputs: '{\n  "text": " a "\n}',
      result: '{\n  "cleaned": "a"\n}',
    });
    expect(stepView({ ...base, predictor: 'clean', error: 'fetch is not available', action: { kind: 'code' } })).toMatchObject({ kind: 'code', error: 'fetch is not available' });
  });

  it('shows a retrieval with its query and ranked passages', () => {
    const passages = [{ text: 'Acme Labs was founded by Mira Olsen.', id: 'w1a', score: 7.5 }];
    expect(stepView({ ...base, predictor: 'retrieve', action: { kind: 'retrieve', query: 'Acme Labs founded by', passages } })).toEqual({
      kind: 'retrieve',
      title: 'retrieve',
      query: 'Acme Labs founded by',
      passages,
    });
  });
});

describe('shownValue', () => {
  it('keeps strings and writes other values as JSON', () => {
    expect(shownValue('Tallinn')).toBe('Tallinn');
    expect(shownValue(['a', 'b'])).toBe('[\n  "a",\n  "b"\n]');
    expect(shownValue(undefined)).toBe('');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(shownValue(loop)).toBe('[object Object]');
  });
});
