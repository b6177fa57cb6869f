/**
 * An LM-judge request: a gold answer and a prediction in, a verdict out (`correct`, `is_correct`,
 * `score`, `verdict`, ...). The simulator judges by normalized comparison, so a judge-based metric
 * agrees with exact match on clear cases and forgives case and punctuation.
 */
import type { BehaviourReply, OutputValue, ParsedPrompt } from '../types';
import { literalOptions, typeKind } from '../parse/fields';
import { normalizeAnswer, words } from '../text';

const VERDICT_FIELDS = /^(correct|is_correct|match|matches|is_match|equivalent|is_equivalent|score|verdict|judgment|judgement|grade|rating|passed|is_right|accurate)$/i;
const GOLD_FIELDS = /^(gold|gold_answer|expected|expected_answer|expected_output|reference|reference_answer|ground_truth|target|correct_answer|answer|label|gold_label)$/i;
const PRED_FIELDS = /^(prediction|predicted|predicted_answer|predicted_label|response|pred|output|model_answer|model_output|candidate|generated|generated_answer|student_answer)$/i;

export function judgeFields(prompt: ParsedPrompt): { gold: string; pred: string } | null {
  if (!prompt.outputs.some((f) => VERDICT_FIELDS.test(f.name))) return null;
  const names = Object.keys(prompt.inputsNow);
  const pred = names.find((n) => PRED_FIELDS.test(n));
  const gold = names.find((n) => GOLD_FIELDS.test(n) && n !== pred);
  return gold && pred ? { gold, pred } : null;
}

export function answersMatch(gold: string, pred: string): boolean {
  const g = normalizeAnswer(gold);
  const p = normalizeAnswer(pred);
  if (g === p) return true;
  const gn = Number(g);
  const pn = Number(p);
  if (g !== '' && p !== '' && Number.isFinite(gn) && Number.isFinite(pn)) return gn === pn;
  // A short gold answer stated inside a short prediction ("It is billing.") still counts.
  const gw = words(g);
  const pw = words(p);
  return gw.length > 0 && gw.length <= 3 && pw.length <= 8 && ` ${pw.join(' ')} `.includes(` ${gw.join(' ')} `);
}

function verdictValue(type: string, name: string, desc: string, ok: boolean): OutputValue {
  const kind = typeKind(type);
  switch (kind) {
    case 'bool':
      return ok;
    case 'int': {
      const top = /\b1\s*(?:-|to)\s*(\d+)\b/.exec(desc)?.[1];
      return ok ? Number(top ?? 1) : top ? 1 : 0;
    }
    case 'float':
      return ok ? 1.0 : 0.0;
    case 'literal': {
      const options = literalOptions(type);
      const want = ok ? /^(yes|true|correct|pass|match)/i : /^(no|false|incorrect|fail|mismatch)/i;
      return options.find((o) => want.test(o)) ?? (ok ? options[0] : options[options.length - 1]) ?? String(ok);
    }
    case 'str':
    case 'list':
    case 'dict':
    case 'other':
      return /score|rating|grade/i.test(name) ? (ok ? '1' : '0') : ok ? 'correct' : 'incorrect';
    default: {
      const never: never = kind;
      throw new Error(`unknown type kind ${String(never)}`);
    }
  }
}

export function judge(prompt: ParsedPrompt, fields: { gold: string; pred: string }): BehaviourReply {
  const gold = prompt.inputsNow[fields.gold] ?? '';
  const pred = prompt.inputsNow[fields.pred] ?? '';
  const ok = answersMatch(gold, pred);
  const values: Record<string, OutputValue> = {};
  for (const field of prompt.outputs) {
    if (VERDICT_FIELDS.test(field.name)) values[field.name] = verdictValue(field.type, field.name, field.desc, ok);
    else {
      values[field.name] = ok
        ? `The prediction "${pred}" matches the expected answer "${gold}".`
        : `The prediction "${pred}" differs from the expected answer "${gold}".`;
    }
  }
  return { kind: 'fields', values };
}
