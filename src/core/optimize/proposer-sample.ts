/**
 * Samples several completions of one proposer signature on the prompt model. They are asked for
 * with `n` (one request, as DSPy's `Predict(..., n=k)`), split into requests of at most
 * MAX_CHOICES (providers cap `n`), each later request with its own rolloutId so it is a distinct
 * request and cache entry. Aborts and LM failures propagate; an unparseable reply is reported.
 */
import { runPredictor } from '../adapters/predict';
import type { LM } from '../lm/types';
import type { Signature } from '../signature/types';

export const MAX_CHOICES = 16;

export interface SampleOptions {
  temperature: number;
  signal: AbortSignal;
  /** The first request's rolloutId (later ones count up), so that another seed draws other samples. */
  rolloutBase?: number;
}

export interface Samples {
  completions: Array<Record<string, unknown>>;
  /** Why a request produced nothing (its replies could not be parsed). */
  errors: string[];
}

/** Requests needed for `count` samples (the plan counts these). */
export function requestsFor(count: number): number {
  return Math.ceil(Math.max(0, count) / MAX_CHOICES);
}

export async function sampleCompletions(lm: LM, signature: Signature, inputs: Record<string, unknown>, count: number, options: SampleOptions): Promise<Samples> {
  const out: Samples = { completions: [], errors: [] };
  for (let chunk = 0; chunk < requestsFor(count); chunk++) {
    const n = Math.min(MAX_CHOICES, count - chunk * MAX_CHOICES);
    const rolloutId = options.rolloutBase === undefined ? (chunk > 0 ? chunk : undefined) : options.rolloutBase + chunk;
    const result = await runPredictor(lm, signature, [], inputs, {
      n,
      temperature: options.temperature,
      signal: options.signal,
      ...(rolloutId === undefined ? {} : { rolloutId }),
    });
    options.signal.throwIfAborted();
    if (result.completions) out.completions.push(...result.completions);
    else out.errors.push(result.error ?? 'no completions');
  }
  return out;
}

/** A proposed text field, trimmed of the quotes models like to wrap it in (as DSPy strips them). */
export function proposedText(completion: Record<string, unknown>, field: string): string {
  const value = completion[field];
  return typeof value === 'string' ? value.trim().replace(/^"+|"+$/g, '').trim() : '';
}
