import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { AdapterParseError } from './types';
import { parseSignature } from '../signature/parse';

const add = parseSignature('a: int, b: int -> reasoning, sum: int');

function parseError(signature: ReturnType<typeof parseSignature>, reply: string): AdapterParseError {
  try {
    chatAdapter.parse(signature, reply);
  } catch (error) {
    if (error instanceof AdapterParseError) return error;
    throw error;
  }
  throw new Error('expected the reply to be rejected');
}

describe('ChatAdapter.parse', () => {
  it('reads a well-formed reply, typing each value', () => {
    const reply = '[[ ## reasoning ## ]]\n2 plus 3.\n\n[[ ## sum ## ]]\n5\n\n[[ ## completed ## ]]\n';
    expect(chatAdapter.parse(add, reply)).toEqual({ reasoning: '2 plus 3.', sum: 5 });
  });

  it('accepts fields out of order and returns them in signature order', () => {
    const result = chatAdapter.parse(add, '[[ ## sum ## ]]\n5\n[[ ## reasoning ## ]]\nbecause\n[[ ## completed ## ]]');
    expect(Object.keys(result)).toEqual(['reasoning', 'sum']);
    expect(result).toEqual({ reasoning: 'because', sum: 5 });
  });

  it('ignores text before the first header and after the completed marker', () => {
    const reply = 'Sure, here you go.\n[[ ## reasoning ## ]]\nr\n[[ ## sum ## ]]\n7\n[[ ## completed ## ]]\nHope that helps!';
    expect(chatAdapter.parse(add, reply)).toEqual({ reasoning: 'r', sum: 7 });
  });

  it('counts text after a header on the same line, and headers indented by spaces', () => {
    expect(chatAdapter.parse(add, '[[ ## reasoning ## ]] inline\n   [[ ## sum ## ]]   8  ')).toEqual({ reasoning: 'inline', sum: 8 });
  });

  it('keeps the first occurrence of a duplicated header', () => {
    const reply = '[[ ## reasoning ## ]]\nfirst\n[[ ## sum ## ]]\n1\n[[ ## sum ## ]]\n2\n[[ ## reasoning ## ]]\nsecond';
    expect(chatAdapter.parse(add, reply)).toEqual({ reasoning: 'first', sum: 1 });
  });

  it('ignores unknown headers (they end the previous section)', () => {
    const reply = '[[ ## reasoning ## ]]\nr\n[[ ## notes ## ]]\nignored\n[[ ## sum ## ]]\n3';
    expect(chatAdapter.parse(add, reply)).toEqual({ reasoning: 'r', sum: 3 });
  });

  it('works without the completed marker; trailing text then belongs to the last field', () => {
    expect(chatAdapter.parse(add, '[[ ## reasoning ## ]]\nr\n[[ ## sum ## ]]\n4')).toEqual({ reasoning: 'r', sum: 4 });
    const sig = parseSignature('q -> answer');
    expect(chatAdapter.parse(sig, '[[ ## answer ## ]]\nParis\n\nLet me know!')).toEqual({ answer: 'Paris\n\nLet me know!' });
  });

  it('keeps multi-line str values, stripped at the ends only, with \\r\\n normalized', () => {
    const sig = parseSignature('q -> answer');
    expect(chatAdapter.parse(sig, '[[ ## answer ## ]]\r\n\r\n  line 1\r\n\r\n  line 2  \r\n')).toEqual({ answer: 'line 1\n\n  line 2' });
  });

  it('handles Unicode field names and values', () => {
    const sig = parseSignature('frage -> antwort, größe: float');
    expect(chatAdapter.parse(sig, '[[ ## antwort ## ]]\nÜber 🌍 «ja»\n[[ ## größe ## ]]\n1.5')).toEqual({ antwort: 'Über 🌍 «ja»', größe: 1.5 });
  });

  it('rejects a missing output field, naming it', () => {
    const error = parseError(add, '[[ ## reasoning ## ]]\nno sum here\n[[ ## completed ## ]]');
    expect(error.field).toBe('sum');
    expect(error.adapter).toBe('chat');
    expect(error.raw).toBe('[[ ## reasoning ## ]]\nno sum here\n[[ ## completed ## ]]');
    expect(error.message).toBe("output field 'sum' is missing (expected a `[[ ## sum ## ]]` section)");
  });

  it('names every missing field', () => {
    expect(parseError(add, 'just prose, no headers').message).toBe(
      "output fields 'reasoning', 'sum' are missing (expected a `[[ ## reasoning ## ]]` section, a `[[ ## sum ## ]]` section)",
    );
  });

  it('rejects an empty reply', () => {
    expect(parseError(add, '  \n ').message).toBe('the LM returned an empty reply');
  });

  it('rejects a value of the wrong type, naming the field', () => {
    const error = parseError(add, '[[ ## reasoning ## ]]\nr\n[[ ## sum ## ]]\ntwelve');
    expect(error.field).toBe('sum');
    expect(error.message).toBe("could not parse output field 'sum': expected an int for field 'sum', got 'twelve'");
  });

  it('lets a missing Optional output be None, as DSPy does', () => {
    const sig = parseSignature('q -> answer, note: Optional[str]');
    expect(chatAdapter.parse(sig, '[[ ## answer ## ]]\nyes')).toEqual({ answer: 'yes', note: null });
  });

  it('types bool, Literal, list and dict values', () => {
    const sig = parseSignature("q -> ok: bool, label: Literal['spam', 'ham'], tags: list[str], meta: dict");
    const reply = "[[ ## ok ## ]]\nYes\n[[ ## label ## ]]\n'Spam'\n[[ ## tags ## ]]\n['a', 'b',]\n[[ ## meta ## ]]\n```json\n{\"k\": 1}\n```";
    expect(chatAdapter.parse(sig, reply)).toEqual({ ok: true, label: 'spam', tags: ['a', 'b'], meta: { k: 1 } });
  });
});
