import { describe, expect, it } from 'vitest';
import { FakeLM } from '../../lm/fake-lm';
import type { LMRequest, LMResponse } from '../../lm/types';
import { evaluate } from '../evaluate';
import { ZERO_USAGE } from '../../lm/types';
import { llmJudge } from './llm-judge';

function reply(text: string): LMResponse {
  return { texts: [text], model: 'judge', usage: { promptTokens: 10, completionTokens: 3, totalTokens: 13 }, cached: false, latencyMs: 0 };
}

const verdict = (correct: boolean) => `[[ ## is_correct ## ]]\n${correct ? 'True' : 'False'}\n\n[[ ## completed ## ]]`;

/** The user message of the judge's prompt, where the inputs are. */
const lastUser = (request: LMRequest) => request.messages.at(-1)?.content ?? '';

describe('llm-judge', () => {
  it('asks the LM through its own signature and scores its verdict', async () => {
    const lm = new FakeLM({ reply: () => reply(verdict(true)) });
    const result = await llmJudge.score(
      { question: 'Capital of France?', answer: 'Paris' },
      { answer: 'It is Paris.' },
      { fields: ['answer'], lm },
    );
    expect(result).toEqual({ score: 1, feedback: "answer: the judge accepted 'It is Paris.' as matching the expected 'Paris'" });
    expect(lm.calls).toBe(1);
    const prompt = lastUser(lm.requests[0] as LMRequest);
    expect(prompt).toContain('[[ ## question ## ]]\nquestion: Capital of France?');
    expect(prompt).toContain('[[ ## gold_answer ## ]]\nParis');
    expect(prompt).toContain('[[ ## predicted_answer ## ]]\nIt is Paris.');
    expect(lm.requests[0]?.messages[0]?.content).toContain('`is_correct` (bool)');
  });

  it('scores a rejected answer 0 and says so, one call per field', async () => {
    // The judge accepts the prediction for `city` and rejects the one for `country`.
    const lm = new FakeLM({ reply: (request) => reply(verdict(lastUser(request).includes('Lyon'))) });
    const result = await llmJudge.score({ city: 'Lyon', country: 'France' }, { city: 'lyon', country: 'Spain' }, { fields: ['city', 'country'], lm });
    expect(result.score).toBe(0.5);
    expect(result.feedback).toContain("expected country 'France', got 'Spain'; the judge ruled it incorrect");
    expect(lm.calls).toBe(2);
  });

  it('scores a missing answer 0 without calling the LM', async () => {
    const lm = new FakeLM({ reply: () => reply(verdict(true)) });
    expect(await llmJudge.score({ a: 'x' }, {}, { fields: ['a'], lm })).toEqual({ score: 0, feedback: "expected a 'x', got nothing" });
    expect(lm.calls).toBe(0);
  });

  it('passes config and the signal through to the LM request', async () => {
    const lm = new FakeLM({ reply: () => reply(verdict(false)) });
    const signal = new AbortController().signal;
    await llmJudge.score({ a: 'x' }, { a: 'y' }, { fields: ['a'], lm, signal, config: { temperature: 0, model: 'judge-model' } });
    expect(lm.requests[0]).toMatchObject({ temperature: 0, model: 'judge-model', signal });
  });

  it('fails clearly without an LM or when the judge reply cannot be parsed', async () => {
    await expect(llmJudge.score({ a: 'x' }, { a: 'x' }, { fields: ['a'] })).rejects.toThrow('llm-judge needs an LM: pass one as metricContext.lm');
    const lm = new FakeLM({ reply: () => reply('I think so?') });
    await expect(llmJudge.score({ a: 'x' }, { a: 'x' }, { fields: ['a'], lm })).rejects.toThrow("the judge could not rule on 'a'");
  });

  it('works inside evaluate, where a judge failure is a scored error', async () => {
    let call = 0;
    const lm = new FakeLM({ reply: () => reply(call++ === 0 ? verdict(true) : 'garbage') });
    const examples = [
      { id: 'row-1', data: { q: 'a', answer: 'x' } },
      { id: 'row-2', data: { q: 'b', answer: 'y' } },
    ];
    const run = async () => ({ outputs: { answer: 'x' }, trace: [], usage: ZERO_USAGE, savedUsage: ZERO_USAGE });
    const result = await evaluate(run, examples, llmJudge, { fields: ['answer'], concurrency: 1, metricContext: { lm } });
    expect(result.results.map((r) => r.score)).toEqual([1, 0]);
    expect(result.errors).toBe(1);
    expect(result.results[1]?.error).toMatch(/^metric 'llm-judge' failed: the judge could not rule on 'answer'/);
  });
});
