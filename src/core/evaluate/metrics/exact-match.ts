import { defineMetric } from './define';
import { acceptableAnswers, scoreEachField } from './fields';
import { normalizeText, shown, valueText } from './text';

/** Normalized equality; two lists match item by item, in order (their text forms would lose items to normalization). */
export function sameAnswer(label: unknown, predicted: unknown): boolean {
  if (Array.isArray(label) && Array.isArray(predicted)) {
    return label.length === predicted.length && label.every((item, i) => sameAnswer(item, predicted[i]));
  }
  return normalizeText(valueText(label)) === normalizeText(valueText(predicted));
}

/** DSPy's `answer_exact_match`: equal after `normalize_text`; a list label is a set of answers. */
export const exactMatch = defineMetric({
  id: 'exact-match',
  name: 'Exact match',
  description:
    'Each output field equals the label after normalization (case, punctuation, articles a/an/the and extra spaces ignored). A list label counts any of its answers.',
  score: (gold, pred, ctx) =>
    scoreEachField('exact-match', gold, pred, ctx, (field, label, predicted) => {
      const answers = acceptableAnswers(label, predicted);
      const hit = answers.find((answer) => sameAnswer(answer, predicted));
      if (hit !== undefined && predicted !== undefined && predicted !== null) {
        return { score: 1, feedback: `${field}: got ${shown(predicted)}, which matches the expected ${shown(hit)}` };
      }
      const expected = answers.length > 1 ? `one of ${answers.map((a) => shown(a)).join(', ')}` : shown(label);
      return { score: 0, feedback: `expected ${field} ${expected}, got ${shown(predicted)}` };
    }),
});
