/** What both sides of the Ax comparison share: the task, the counters and the result shape. */
import { SUPPORT_LABELS } from '../../src/sim';

/** Ax needs field names of two or more characters and rejects generic ones such as `text`. */
export const AX_SIGNATURE = `ticketText:string -> label:class "${SUPPORT_LABELS.join(', ')}"`;
/**
 * Both programs start from this instruction. Ax's GEPA cannot start from an empty one (it refuses
 * an empty required `currentValue` before calling the model), and DSPy's default instruction
 * would give our side a different start: the same words on both sides keep the match fair.
 */
export const START_INSTRUCTION = 'Classify the support ticket.';
/** The same task in DSPy's signature syntax, with the same field names. */
export const DSPY_SIGNATURE = `ticketText -> label: Literal[${SUPPORT_LABELS.map((l) => `'${l}'`).join(', ')}]`;

export interface SimCounter {
  url: string;
  /** Chat completions and tokens the server has answered so far. */
  counts(): Promise<{ calls: number; tokens: number }>;
}

export interface SideResult {
  /** Wall time of the compile step alone (the dev scoring before and after is not counted). */
  wallMs: number;
  /** Chat completions the server answered during the compile step. */
  calls: number;
  /** Times the metric scored a program output during the compile step (a budget in metric calls counts these). */
  metricCalls: number;
  /** Program runs during the compile step, cached or not (GEPA's metric-call budget bounds these). */
  programRuns: number;
  tokens: number;
  /** Held-out dev accuracy of the program before and after optimization, 0..1. */
  zeroShot: number;
  optimized: number;
}

/** A metric wrapped to count its calls. */
export function counted<A extends unknown[], R>(score: (...args: A) => R): { score: (...args: A) => R; count: () => number } {
  let n = 0;
  return {
    score: (...args: A) => {
      n++;
      return score(...args);
    },
    count: () => n,
  };
}
