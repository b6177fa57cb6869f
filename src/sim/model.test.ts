import { describe, expect, it } from 'vitest';
import { simulateChat, SimRequestError } from './model';
import { blockValues } from './parse/blocks';
import { generateClassification } from './tasks/classify';
import { dspyMessages } from './testing/dspyFormat';
import { additionSignature, classifySignature } from './testing/evaluate';
import type { ChatCompletionBody } from './types';

const tickets = generateClassification(60, 11);
const bodyFor = (text: string, extra: Partial<ChatCompletionBody> = {}): ChatCompletionBody => ({
  model: 'sim-1',
  messages: dspyMessages(classifySignature({ reasoning: true }), [], { text }),
  ...extra,
});

describe('simulateChat', () => {
  it('gives identical replies to identical bodies, whatever the key order', () => {
    const body = bodyFor(tickets[0]!.text, { temperature: 0.7, seed: 3 });
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as ChatCompletionBody;
    expect(simulateChat(reordered)).toEqual(simulateChat(body));
  });

  it('samples differently for a different seed or temperature on some items, not all', () => {
    const differs = (extra: Partial<ChatCompletionBody>) =>
      tickets.filter((t) => {
        const base = simulateChat(bodyFor(t.text, { temperature: 1, seed: 1 })).choices[0]?.message.content;
        return simulateChat(bodyFor(t.text, { temperature: 1, ...extra })).choices[0]?.message.content !== base;
      }).length;
    const bySeed = differs({ seed: 2 });
    expect(bySeed).toBeGreaterThan(0);
    expect(bySeed).toBeLessThan(tickets.length);
    expect(differs({ seed: 1, temperature: 0.2 })).toBeGreaterThan(0);
  });

  it('answers in the DSPy chat format: every output block in order, then completed', () => {
    const content = simulateChat(bodyFor(tickets[1]!.text)).choices[0]?.message.content ?? '';
    expect(content).toMatch(/^\[\[ ## reasoning ## \]\]\n.+\n\n\[\[ ## label ## \]\]\n.+\n\n\[\[ ## completed ## \]\]$/s);
  });

  it('answers a JSONAdapter prompt with a JSON object holding typed values', () => {
    const messages = dspyMessages(additionSignature(), [{ a: 1, b: 2, sum: 3 }], { a: 20, b: 22 }, true);
    const reply = JSON.parse(simulateChat({ messages }).choices[0]?.message.content ?? '') as Record<string, unknown>;
    expect(Object.keys(reply)).toEqual(['sum']);
    expect(typeof reply.sum === 'number' || typeof reply.sum === 'string').toBe(true);
  });

  it('returns n choices, each a sample of its own', () => {
    const result = simulateChat(bodyFor(tickets[2]!.text, { n: 3, temperature: 1 }));
    expect(result.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(result.choices.every((c) => c.finish_reason === 'stop')).toBe(true);
  });

  it('estimates usage at about four characters per token', () => {
    const body = bodyFor(tickets[3]!.text);
    const result = simulateChat(body);
    const chars = body.messages.reduce((n, m) => n + String(m.content).length, 0);
    expect(result.usage.prompt_tokens).toBeGreaterThanOrEqual(Math.ceil(chars / 4));
    expect(result.usage.prompt_tokens).toBeLessThan(chars / 4 + 10 * body.messages.length);
    expect(result.usage.completion_tokens).toBe(Math.ceil((result.choices[0]?.message.content.length ?? 0) / 4));
    expect(result.usage.total_tokens).toBe(result.usage.prompt_tokens + result.usage.completion_tokens);
  });

  it('cuts the reply at max_tokens and says so', () => {
    const result = simulateChat(bodyFor(tickets[4]!.text, { max_tokens: 5 }));
    expect(result.choices[0]?.finish_reason).toBe('length');
    expect(result.choices[0]?.message.content.length).toBe(20);
  });

  it('gives a plain, sensible answer to a request in neither DSPy format', () => {
    const content = (text: string) => simulateChat({ messages: [{ role: 'user', content: text }] }).choices[0]?.message.content;
    expect(content('What is 12 + 30?')).toBe('12 + 30 = 42.');
    expect(content('Tell me about the weather in Paris')).toMatch(/simulat.*weather/i);
  });

  it('fills outputs it has no task model for with values of the right type', () => {
    const sig = {
      inputs: [{ name: 'question' }],
      outputs: [
        { name: 'answer' },
        { name: 'confident', type: 'bool' },
        { name: 'next_tool_name', type: "Literal['search', 'finish']" },
        { name: 'keywords', type: 'list[str]' },
      ],
    };
    const content = simulateChat({ messages: dspyMessages(sig, [], { question: 'Who wrote the Odyssey?' }) }).choices[0]?.message.content ?? '';
    const values = blockValues(content);
    expect(values.answer).toMatch(/odyssey/i);
    expect(['True', 'False']).toContain(values.confident);
    expect(values.next_tool_name).toBe('finish');
    expect(JSON.parse(values.keywords ?? '')).toEqual(expect.arrayContaining(['odyssey']));
  });

  it('copies the answer of a demo with exactly the same inputs', () => {
    const sig = { inputs: [{ name: 'question' }], outputs: [{ name: 'answer' }] };
    const messages = dspyMessages(sig, [{ question: 'Capital of France?', answer: 'Paris' }], { question: 'Capital of France?' });
    expect(blockValues(simulateChat({ messages }).choices[0]?.message.content ?? '').answer).toBe('Paris');
  });

  it('rejects a body without messages, naming the field', () => {
    expect(() => simulateChat({ messages: [] })).toThrow(SimRequestError);
    expect(() => simulateChat({ messages: [] })).toThrow(/'messages'/);
    expect(() => simulateChat({ messages: [{ role: 'user', content: 'x' }], n: 0 })).toThrow(/'n'/);
  });
});
