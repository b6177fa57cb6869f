import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { jsonAdapter } from './json';
import { runPredictor } from './predict';
import type { LM, LMRequest, LMResponse } from '../lm/types';
import { parseSignature } from '../signature/parse';

type Script = string | string[] | Error;

/** An LM that answers from a script, one entry per call, and records every request. */
class ScriptedLM implements LM {
  readonly model = 'scripted';
  readonly requests: LMRequest[] = [];
  constructor(private readonly script: Script[]) {}

  async complete(request: LMRequest): Promise<LMResponse> {
    this.requests.push(request);
    const step = this.script[this.requests.length - 1];
    if (step === undefined) throw new Error('the script has no more replies');
    if (step instanceof Error) throw step;
    const texts = typeof step === 'string' ? [step] : step;
    return { texts, model: this.model, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, cached: this.requests.length === 2, latencyMs: 42 };
  }
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const signature = parseSignature('a: int, b: int -> sum: int');
const inputs = { a: 2, b: 3 };
const demos = [{ a: 1, b: 1, sum: 2 }];
const CHAT_OK = '[[ ## sum ## ]]\n5\n\n[[ ## completed ## ]]';
const CHAT_BAD = 'The sum is five.';

describe('runPredictor', () => {
  it('formats with the chat adapter, calls the LM once and types the outputs', async () => {
    const lm = new ScriptedLM([CHAT_OK]);
    const controller = new AbortController();
    const result = await runPredictor(lm, signature, demos, inputs, { temperature: 0.7, maxTokens: 100, rolloutId: 3, model: 'm', signal: controller.signal, cache: false });
    expect(result).toEqual({
      outputs: { sum: 5 },
      completions: [{ sum: 5 }],
      calls: [{ adapter: 'chat', messages: chatAdapter.format(signature, demos, inputs), raw: CHAT_OK, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, cached: false, latencyMs: 42 }],
    });
    expect(lm.requests).toEqual([
      { messages: chatAdapter.format(signature, demos, inputs), temperature: 0.7, maxTokens: 100, rolloutId: 3, model: 'm', cache: false, signal: controller.signal },
    ]);
  });

  it('retries once through the JSON adapter, with response_format, when the chat reply does not parse', async () => {
    const lm = new ScriptedLM([CHAT_BAD, '{"sum": 5}']);
    const result = await runPredictor(lm, signature, demos, inputs, { temperature: 0 });
    expect(result.outputs).toEqual({ sum: 5 });
    expect(result.error).toBeUndefined();
    expect(lm.requests).toHaveLength(2);
    expect(lm.requests[1]).toEqual({ messages: jsonAdapter.format(signature, demos, inputs), responseFormat: { type: 'json_object' }, temperature: 0 });
    expect(result.calls.map((c) => [c.adapter, c.raw, c.cached])).toEqual([
      ['chat', CHAT_BAD, false],
      ['json', '{"sum": 5}', true],
    ]);
    expect(result.calls[0]?.error).toBe("output field 'sum' is missing (expected a `[[ ## sum ## ]]` section)");
  });

  it('returns an error, not a throw, when the fallback fails too, keeping every raw reply', async () => {
    const lm = new ScriptedLM([CHAT_BAD, 'five']);
    const result = await runPredictor(lm, signature, [], inputs);
    expect(result.outputs).toBeUndefined();
    expect(result.calls.map((c) => c.raw)).toEqual([CHAT_BAD, 'five']);
    expect(result.error).toBe(
      "ChatAdapter could not parse the reply: output field 'sum' is missing (expected a `[[ ## sum ## ]]` section); then JSONAdapter could not parse the reply: the reply is not a JSON object",
    );
  });

  it('lets an LMError propagate without a fallback request', async () => {
    const lm = new ScriptedLM([named('LMError', 'HTTP 401: invalid key'), '{"sum": 5}']);
    await expect(runPredictor(lm, signature, [], inputs)).rejects.toThrow('HTTP 401: invalid key');
    expect(lm.requests).toHaveLength(1);
  });

  it('lets an LMError on the fallback request propagate', async () => {
    const lm = new ScriptedLM([CHAT_BAD, named('LMError', 'HTTP 503')]);
    await expect(runPredictor(lm, signature, [], inputs)).rejects.toThrow('HTTP 503');
  });

  it('lets an abort propagate, and does not start the fallback once aborted', async () => {
    const aborted = new ScriptedLM([named('AbortError', 'stopped')]);
    await expect(runPredictor(aborted, signature, [], inputs)).rejects.toMatchObject({ name: 'AbortError' });

    const controller = new AbortController();
    const lm: LM = {
      model: 'm',
      async complete() {
        controller.abort();
        return { texts: [CHAT_BAD], model: 'm', usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, cached: false, latencyMs: 1 };
      },
    };
    await expect(runPredictor(lm, signature, [], inputs, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('treats any other exception from the LM like a bad reply: fallback, then a recorded error', async () => {
    const lm = new ScriptedLM([new TypeError('bad response shape'), '{"sum": 9}']);
    const result = await runPredictor(lm, signature, [], inputs);
    expect(result.outputs).toEqual({ sum: 9 });
    expect(result.calls[0]).toMatchObject({ adapter: 'chat', error: 'bad response shape', usage: { totalTokens: 0 } });
    expect(result.calls[0]?.raw).toBeUndefined();
  });

  it('parses every choice when n > 1, falling back if any choice is bad', async () => {
    const good = await runPredictor(new ScriptedLM([[CHAT_OK, '[[ ## sum ## ]]\n6']]), signature, [], inputs, { n: 2 });
    expect(good.completions).toEqual([{ sum: 5 }, { sum: 6 }]);
    expect(good.outputs).toEqual({ sum: 5 });

    const lm = new ScriptedLM([[CHAT_OK, 'oops'], ['{"sum": 5}', '{"sum": 7}']]);
    const mixed = await runPredictor(lm, signature, [], inputs, { n: 2 });
    expect(lm.requests[0]?.n).toBe(2);
    expect(mixed.calls[0]?.error).toContain('(choice 2 of 2)');
    expect(mixed.completions).toEqual([{ sum: 5 }, { sum: 7 }]);
  });

  it('reports a reply with no choices', async () => {
    const result = await runPredictor(new ScriptedLM([[], []]), signature, [], inputs);
    expect(result.error).toBe('ChatAdapter: the LM returned no choices; then JSONAdapter: the LM returned no choices');
  });

  it('reports a signature it cannot format without calling the LM', async () => {
    const lm = new ScriptedLM([]);
    const broken = { instructions: 'x', inputs: [{ name: 'a', type: 'intt' }], outputs: [{ name: 'b', type: 'str' }] };
    const result = await runPredictor(lm, broken, [], { a: 1 });
    expect(lm.requests).toHaveLength(0);
    expect(result.calls).toEqual([]);
    expect(result.error).toContain("ChatAdapter could not build the prompt: field 'a' has type 'intt': unknown type 'intt'");
  });
});
