/**
 * Fault injection. Draws come from an RNG seeded by `faultSeed` and the call index, never from
 * the request, so a retry of the same request can succeed. Garbled replies come in two kinds:
 * a 200 whose completion text will not parse as DSPy output ('text'), and a 200 whose body is
 * not even valid JSON ('body').
 */
import { SimRng } from '../hash';
import type { ChatCompletionResult } from '../types';

export type MalformedMode = 'text' | 'body' | 'mixed';

export interface FaultOptions {
  rate429: number;
  rate5xx: number;
  rateMalformed: number;
  faultSeed: number;
  jitterMs: number;
  latencyMs: number;
}

export type Fault = { kind: 'none' } | { kind: 'rate_limit' } | { kind: 'server_error' } | { kind: 'malformed' };

export interface FaultDraw {
  fault: Fault;
  delayMs: number;
}

export function drawFault(options: FaultOptions, callIndex: number): FaultDraw {
  const rng = new SimRng(`fault:${options.faultSeed}:${callIndex}`);
  const jitter = rng.next() * Math.max(0, options.jitterMs);
  const delayMs = Math.max(0, options.latencyMs) + jitter;
  const r = rng.next();
  let fault: Fault = { kind: 'none' };
  if (r < options.rate429) fault = { kind: 'rate_limit' };
  else if (r < options.rate429 + options.rate5xx) fault = { kind: 'server_error' };
  else if (r < options.rate429 + options.rate5xx + options.rateMalformed) fault = { kind: 'malformed' };
  return { fault, delayMs };
}

/** The completion text with the DSPy structure broken: no field headers, no JSON object. */
export function garble(text: string): string {
  const broken = text
    .replace(/\[\[ ## (\w+) ## \]\]/g, (_m, name: string) => `[ # ${name.split('').reverse().join('')} #`)
    .replace(/[{}]/g, '')
    .replace(/"/g, "'");
  return `<|endoftext|>${broken.slice(0, Math.max(8, Math.floor(broken.length * 0.6)))} ...`;
}

export function garbleResult(result: ChatCompletionResult): ChatCompletionResult {
  return { ...result, choices: result.choices.map((c) => ({ ...c, message: { ...c.message, content: garble(c.message.content) } })) };
}

/** A chat-completion body cut off half way: a 200 that no JSON parser accepts. */
export function truncatedBody(result: ChatCompletionResult): string {
  const full = JSON.stringify(result);
  return full.slice(0, Math.max(10, Math.floor(full.length / 2)));
}
