import { describe, expect, it } from 'vitest';
import { ask } from '../testing/evaluate';
import type { FixtureSignature } from '../testing/dspyFormat';

const compare: FixtureSignature = {
  instructions: 'Add the two numbers.',
  inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }, { name: 'reasoning_attempt_1', desc: '${reasoning attempt}' }, { name: 'reasoning_attempt_2', desc: '${reasoning attempt}' }, { name: 'reasoning_attempt_3', desc: '${reasoning attempt}' }],
  outputs: [{ name: 'rationale', desc: '${corrected reasoning}' }, { name: 'sum', type: 'int' }],
};
const attempt = (n: number) => `«I'm trying to add the numbers. I'm not sure but my prediction is ${n}»`;

describe('the simulated MultiChainComparison', () => {
  it('answers with the prediction most attempts share', () => {
    const reply = ask(compare, [], { a: 21, b: 34, reasoning_attempt_1: attempt(54), reasoning_attempt_2: attempt(55), reasoning_attempt_3: attempt(55) });
    expect(reply.sum).toBe('55');
    expect(reply.rationale).toContain('2 of 3 attempts predict 55');
  });
});
