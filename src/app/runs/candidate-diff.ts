import type { ProgramState } from '../../core/program/types';
import type { Demo } from '../../core/signature/types';

export interface PredictorDiff {
  predictor: string;
  before: string;
  after: string;
  instructionsChanged: boolean;
  added: Demo[];
  removed: Demo[];
  kept: number;
}

const demoKey = (demo: Demo) => JSON.stringify(Object.keys(demo).sort().map((k) => [k, demo[k]]));

/** Per predictor: the instructions before and after, and which demos the candidate added or dropped. */
export function diffCandidate(baseline: ProgramState, candidate: ProgramState): PredictorDiff[] {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(candidate)])];
  return names.map((predictor) => {
    const base = baseline[predictor];
    const next = candidate[predictor];
    const before = base?.signature.instructions ?? '';
    const after = next?.signature.instructions ?? '';
    const baseDemos = new Map((base?.demos ?? []).map((d) => [demoKey(d), d]));
    const nextDemos = new Map((next?.demos ?? []).map((d) => [demoKey(d), d]));
    return {
      predictor,
      before,
      after,
      instructionsChanged: before !== after,
      added: [...nextDemos].filter(([k]) => !baseDemos.has(k)).map(([, d]) => d),
      removed: [...baseDemos].filter(([k]) => !nextDemos.has(k)).map(([, d]) => d),
      kept: [...nextDemos.keys()].filter((k) => baseDemos.has(k)).length,
    };
  });
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** A line diff (longest common subsequence): instructions are short, so O(n·m) is fine. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) out.push({ kind: 'removed', text: a[i++] as string });
    else out.push({ kind: 'added', text: b[j++] as string });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] as string });
  while (j < b.length) out.push({ kind: 'added', text: b[j++] as string });
  return out;
}
