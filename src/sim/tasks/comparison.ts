/**
 * DSPy's MultiChainComparison prompt: M «I'm trying to … my prediction is X» attempts as inputs.
 * The simulator answers with the prediction most attempts share (ties: the first), which is
 * what comparing the chains is for.
 */
import { literalOptions, typeKind } from '../parse/fields';
import type { BehaviourReply, OutputValue, ParsedPrompt } from '../types';

export function answerComparison(prompt: ParsedPrompt): BehaviourReply | null {
  const attempts = Object.entries(prompt.inputsNow).filter(([k]) => /^reasoning_attempt_\d+$/.test(k)).map(([, v]) => v);
  if (attempts.length === 0) return null;
  const predictions = attempts.map((a) => /my prediction is (.*?)»?\s*$/s.exec(a)?.[1]?.trim() ?? '').filter(Boolean);
  if (predictions.length === 0) return null;
  const counts = new Map<string, number>();
  for (const p of predictions) counts.set(p, (counts.get(p) ?? 0) + 1);
  const [winner] = [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best));
  const last = prompt.outputs.at(-1);
  if (!last) return null;
  const kind = typeKind(last.type);
  const value: OutputValue =
    kind === 'int' || kind === 'float' ? Number(/-?\d+(\.\d+)?/.exec(winner)?.[0] ?? 0) : kind === 'literal' ? (literalOptions(last.type).find((o) => o === winner) ?? winner) : winner;
  const share = counts.get(winner) ?? 0;
  return { kind: 'fields', values: { rationale: `${share} of ${attempts.length} attempts predict ${winner}; checking their reasoning, that is the answer.`, [last.name]: value } };
}
