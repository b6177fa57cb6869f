import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { jsonAdapter } from './json';
import { resolveSignature } from './resolve';
import { parseSignature } from '../signature/parse';
import { canonicalJson } from '../lm/canonical-json';

/** A prompt formatted with nothing remembered: a fresh copy of every input. */
const fresh = (signature: ReturnType<typeof parseSignature>, demos: Array<Record<string, unknown>>, inputs: Record<string, unknown>) =>
  chatAdapter.format(structuredClone(signature), structuredClone(demos), inputs);

describe('remembered formatting', () => {
  it('hands out the same system message and demo turns for the same signature and demos', () => {
    const signature = parseSignature('question -> answer');
    const demos = [{ question: 'q1', answer: 'a1' }];
    const first = chatAdapter.format(signature, demos, { question: 'x' });
    const second = chatAdapter.format(signature, demos, { question: 'y' });
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(second).toEqual(fresh(signature, demos, { question: 'y' }));
  });

  it('formats anew when the signature is edited in place', () => {
    const signature = parseSignature('question -> answer');
    chatAdapter.format(signature, [], { question: 'x' });
    signature.instructions = 'Answer in French.';
    expect(chatAdapter.format(signature, [], { question: 'x' })[0]?.content).toContain('Answer in French.');
    signature.outputs[0]!.type = 'int';
    expect(chatAdapter.format(signature, [], { question: 'x' })).toEqual(fresh(signature, [], { question: 'x' }));
    expect(resolveSignature(signature).outputs[0]?.spec.kind).toBe('int');
  });

  it('formats anew when a demo is edited, added or replaced in place', () => {
    const signature = parseSignature('question -> answer');
    const demos: Array<Record<string, unknown>> = [{ question: 'q1', answer: 'a1' }];
    chatAdapter.format(signature, demos, { question: 'x' });
    (demos[0] as Record<string, unknown>).answer = 'changed';
    expect(chatAdapter.format(signature, demos, { question: 'x' })).toEqual(fresh(signature, demos, { question: 'x' }));
    demos.push({ question: 'q2', answer: 'a2' });
    expect(chatAdapter.format(signature, demos, { question: 'x' })).toEqual(fresh(signature, demos, { question: 'x' }));
    demos[1] = { question: 'q3', answer: 'a3' };
    expect(chatAdapter.format(signature, demos, { question: 'x' })).toEqual(fresh(signature, demos, { question: 'x' }));
  });

  it('formats demos holding lists every time, since their contents can change unseen', () => {
    const signature = parseSignature('question -> tags: list[str]');
    const tags = ['a'];
    const demos = [{ question: 'q', tags }];
    chatAdapter.format(signature, demos, { question: 'x' });
    tags.push('b');
    expect(chatAdapter.format(signature, demos, { question: 'x' })[2]?.content).toContain('"b"');
  });

  it('keeps the chat and JSON layouts of the same demos apart', () => {
    const signature = parseSignature('question -> answer');
    const demos = [{ question: 'q1', answer: 'a1' }];
    const chat = chatAdapter.format(signature, demos, { question: 'x' });
    const json = jsonAdapter.format(signature, demos, { question: 'x' });
    expect(json[2]?.content).not.toBe(chat[2]?.content);
    expect(chatAdapter.format(signature, demos, { question: 'x' })[2]).toBe(chat[2]);
  });
});

describe('canonical JSON of frozen objects', () => {
  it('remembers the text of a frozen flat object, and never of one holding an object', () => {
    const flat = Object.freeze({ role: 'user', content: 'hi' });
    expect(canonicalJson([flat, flat])).toBe('[{"content":"hi","role":"user"},{"content":"hi","role":"user"}]');
    const inner = { a: 1 };
    const nested = Object.freeze({ inner });
    expect(canonicalJson(nested)).toBe('{"inner":{"a":1}}');
    inner.a = 2;
    expect(canonicalJson(nested)).toBe('{"inner":{"a":2}}');
  });
});
