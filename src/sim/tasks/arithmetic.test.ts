import { describe, expect, it } from 'vitest';
import { additionAccuracy, additionSignature, ask } from '../testing/evaluate';
import { additionReasoning } from './arithmeticModel';
import { carryPositions, generateArithmetic } from './arithmetic';

const test = generateArithmetic(200, 1);
const train = generateArithmetic(40, 2);
const hard = test.filter((r) => carryPositions(r.a, r.b).length >= 2);
const withCarries = train.filter((r) => carryPositions(r.a, r.b).length > 0).slice(0, 4);

describe('generateArithmetic', () => {
  it('is reproducible, correct, and spans easy and many-carry items', () => {
    expect(generateArithmetic(10, 4)).toEqual(generateArithmetic(10, 4));
    for (const row of test) expect(row.sum).toBe(row.a + row.b);
    expect(test.filter((r) => carryPositions(r.a, r.b).length === 0).length).toBeGreaterThan(30);
    expect(hard.length).toBeGreaterThan(30);
  });

  it('finds carries column by column', () => {
    expect(carryPositions(27, 58)).toEqual([1]);
    expect(carryPositions(999, 1)).toEqual([1, 2, 3]);
    expect(carryPositions(120, 301)).toEqual([]);
  });
});

describe('the arithmetic signal (200 held-out additions)', () => {
  const zeroShot = additionAccuracy(test, {});

  it('is about 50-60 % zero-shot on items with many carries', () => {
    const hardZero = additionAccuracy(hard, {});
    expect(hardZero).toBeGreaterThan(0.4);
    expect(hardZero).toBeLessThan(0.68);
    expect(zeroShot).toBeGreaterThan(hardZero);
  });

  it('does better on hard items with reasoning than without', () => {
    expect(additionAccuracy(hard, { reasoning: true })).toBeGreaterThan(additionAccuracy(hard, {}) + 0.1);
  });

  it('does better with demos that carry, and with an instruction that says to carry', () => {
    expect(additionAccuracy(test, {}, withCarries)).toBeGreaterThan(zeroShot + 0.1);
    expect(additionAccuracy(hard, { instructions: 'Add digit by digit from the right, carrying 1 when a column reaches 10.' })).toBeGreaterThan(
      additionAccuracy(hard, {}) + 0.1,
    );
  });

  it('is hurt by demos with wrong sums', () => {
    const wrong = train.slice(0, 4).map((r) => ({ ...r, sum: r.sum + 7 }));
    expect(additionAccuracy(test, {}, wrong)).toBeLessThan(additionAccuracy(test, {}, train.slice(0, 4)) - 0.3);
  });

  it('writes reasoning that matches its answer, dropping a carry when wrong', () => {
    expect(additionReasoning(27, 58, null)).toContain('So 27 + 58 = 85.');
    expect(additionReasoning(27, 58, 1)).toContain('So 27 + 58 = 75.');
    const values = ask(additionSignature({ reasoning: true }), [], { a: 999, b: 1 });
    expect(values.reasoning).toContain(`= ${values.sum}.`);
  });

  it('reads an addition from a question too', () => {
    const sig = { inputs: [{ name: 'question' }], outputs: [{ name: 'answer' }] };
    const answers = [3, 4, 5].map((n) => ask(sig, [], { question: `What is ${n} + 10?` }).answer);
    expect(answers).toEqual(['13', '14', '15']);
  });
});
