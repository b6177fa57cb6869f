import { defineMetric } from './define';
import { acceptableAnswers, scoreEachField } from './fields';
import { shown, tokens, valueText } from './text';

/**
 * The label's normalized tokens appear, in order and adjacent, among the prediction's: whole
 * words only, so "4" is not found in "42" nor "cat" in "concatenate". An empty normalized
 * label is found only in an empty prediction.
 */
export function containsTokens(prediction: string, label: string): boolean {
  const hay = tokens(prediction);
  const needle = tokens(label);
  if (needle.length === 0) return hay.length === 0;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** A list prediction contains an answer when one of its items contains it. */
function predictionContains(predicted: unknown, answer: unknown): boolean {
  if (Array.isArray(predicted) && !Array.isArray(answer)) return predicted.some((item) => predictionContains(item, answer));
  return containsTokens(valueText(predicted), valueText(answer));
}

export const contains = defineMetric({
  id: 'contains',
  name: 'Contains answer',
  description:
    'Each output field contains its label as whole words, after normalization (e.g. the label "Paris" is found in "It is Paris, France"). A list label counts any of its answers.',
  score: (gold, pred, ctx) =>
    scoreEachField('contains', gold, pred, ctx, (field, label, predicted) => {
      const answers = acceptableAnswers(label, predicted);
      const hit = answers.find((answer) => predictionContains(predicted, answer));
      if (hit !== undefined && predicted !== undefined && predicted !== null) {
        return { score: 1, feedback: `${field}: ${shown(predicted)} contains the expected ${shown(hit)}` };
      }
      const expected = answers.length > 1 ? `one of ${answers.map((a) => shown(a)).join(', ')}` : shown(label);
      return { score: 0, feedback: `expected ${field} to contain ${expected}, got ${shown(predicted)}` };
    }),
});
