import { defineMetric } from './define';
import { acceptableAnswers, scoreEachField } from './fields';
import { shown, tokens, valueText } from './text';

export interface TokenF1 {
  f1: number;
  precision: number;
  recall: number;
  common: number;
  predicted: number;
  expected: number;
}

/**
 * SQuAD token F1 over normalized tokens, counting repeated tokens (a multiset overlap). As in
 * DSPy, two empty answers score 0, not 1.
 */
export function tokenF1(prediction: string, label: string): TokenF1 {
  const got = tokens(prediction);
  const want = tokens(label);
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of got) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  const base = { common, predicted: got.length, expected: want.length };
  if (common === 0) return { f1: 0, precision: 0, recall: 0, ...base };
  const precision = common / got.length;
  const recall = common / want.length;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall, ...base };
}

export const f1 = defineMetric({
  id: 'f1',
  name: 'Token F1',
  description:
    'SQuAD-style token F1 between each output field and its label, after normalization; partial answers get partial credit. A list label takes the best of its answers.',
  score: (gold, pred, ctx) =>
    scoreEachField('f1', gold, pred, ctx, (field, label, predicted) => {
      let best: { answer: unknown; f: TokenF1 } | undefined;
      for (const answer of acceptableAnswers(label, predicted)) {
        const f = tokenF1(valueText(predicted), valueText(answer));
        if (!best || f.f1 > best.f.f1) best = { answer, f };
      }
      const { answer, f } = best as { answer: unknown; f: TokenF1 };
      const detail =
        `token F1 ${f.f1.toFixed(2)}: ${f.common} of ${f.predicted} predicted tokens are in the answer, ` +
        `${f.common} of ${f.expected} answer tokens were found`;
      return {
        score: f.f1,
        feedback: f.f1 === 1 ? `${field}: got ${shown(predicted)}, which matches ${shown(answer)}` : `expected ${field} ${shown(answer)}, got ${shown(predicted)} (${detail})`,
      };
    }),
});
