/**
 * Fault injection. Draws come from an RNG seeded by `faultSeed`, the request body and how many
 * times that same body arrived before: which request fails does not depend on the order in which
 * concurrent requests arrive, and a retry (the same body again) draws anew, so it can succeed.
 * Garbled replies come in two kinds:
 * a 200 whose completion text will not parse as DSPy output ('text'), and a 200 whose body is
 * not even valid JSON ('body').
 */
import { hashString, SimRng } from '../hash';
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

/**
 * Names each arrival by its body and attempt: the n-th arrival of the same body (n from 0) is
 * attempt n. The OpenAI SDK's `x-stainless-retry-count` header is no help here: our client
 * retries in its own scheduler with the SDK's retries off, so that header always says 0.
 */
export function requestAttempts() {
  const seen = new Map<string, number>();
  return {
    next(body: string): string {
      const id = `${hashString(body).toString(36)}.${hashString(body, 1).toString(36)}`;
      const attempt = seen.get(id) ?? 0;
      seen.set(id, attempt + 1);
      return `${id}:${attempt}`;
    },
    reset: () => seen.clear(),
  };
}

/** The fault and delay for one arrival; `requestKey` comes from `requestAttempts().next`. */
export function drawFault(options: FaultOptions, requestKey: string): FaultDraw {
  const rng = new SimRng(`fault:${options.faultSeed}:${requestKey}`);
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

/** What `POST /faults` may change on a running simulator (all optional; absent means unchanged). */
export interface FaultSettings {
  rate429?: number;
  rate5xx?: number;
  rateMalformed?: number;
  retryAfterSeconds?: number;
  faultSeed?: number;
  latencyMs?: number;
  jitterMs?: number;
}

const RATES = ['rate429', 'rate5xx', 'rateMalformed'] as const;
const DURATIONS = ['retryAfterSeconds', 'latencyMs', 'jitterMs'] as const;

/**
 * Reads a `POST /faults` body, e.g. `{"rate5xx": 0.2, "rate429": 0.1}`. Returns the settings or
 * a message naming the field that is wrong; rates must sum to at most 1.
 */
export function parseFaultSettings(bodyText: string, current: FaultSettings): { ok: true; settings: FaultSettings } | { ok: false; error: string } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText || '{}');
  } catch (error) {
    return { ok: false, error: `the /faults body is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'the /faults body must be a JSON object such as {"rate5xx": 0.2}' };
  const known = new Set<string>([...RATES, ...DURATIONS, 'faultSeed']);
  const settings: FaultSettings = {};
  for (const [field, value] of Object.entries(body)) {
    if (!known.has(field)) return { ok: false, error: `unknown field '${field}' in /faults; known: ${[...known].join(', ')}` };
    if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, error: `field '${field}' must be a number, got ${JSON.stringify(value)}` };
    if ((RATES as readonly string[]).includes(field) && (value < 0 || value > 1)) return { ok: false, error: `field '${field}' must be between 0 and 1, got ${value}` };
    if ((DURATIONS as readonly string[]).includes(field) && value < 0) return { ok: false, error: `field '${field}' must not be negative, got ${value}` };
    if (field === 'faultSeed' && !Number.isInteger(value)) return { ok: false, error: `field 'faultSeed' must be an integer, got ${value}` };
    settings[field as keyof FaultSettings] = value;
  }
  const merged = { ...current, ...settings };
  const total = RATES.reduce((n, r) => n + (merged[r] ?? 0), 0);
  if (total > 1) return { ok: false, error: `rate429 + rate5xx + rateMalformed must not exceed 1, got ${total}` };
  return { ok: true, settings };
}
