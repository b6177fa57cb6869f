import { abortableSleep } from './abort';
import type { LM, LMRequest, LMResponse } from './types';

/** What a scripted call does: answer, or throw (an LMError to exercise retries). */
export type FakeReply = (request: LMRequest, call: number) => LMResponse | Promise<LMResponse>;

export interface FakeLMOptions {
  model?: string;
  /** Default: echo the last message back, one token per word. */
  reply?: FakeReply;
  /** Each call waits this long (abortably) before replying. */
  latencyMs?: number;
  /** Simulates a transport that never looks at its signal. */
  ignoreAbort?: boolean;
}

/**
 * A scripted in-memory transport for tests of the layers above the client. It records every
 * request and how many calls overlapped, which is what the scheduler tests measure.
 */
export class FakeLM implements LM {
  readonly model: string;
  readonly requests: LMRequest[] = [];
  /** Signals of calls that ended by abort, to check the abort reached the transport. */
  readonly abortedSignals: AbortSignal[] = [];
  active = 0;
  peak = 0;

  constructor(private readonly options: FakeLMOptions = {}) {
    this.model = options.model ?? 'fake-model';
  }

  get calls(): number {
    return this.requests.length;
  }

  async complete(request: LMRequest): Promise<LMResponse> {
    const call = this.requests.length;
    this.requests.push(request);
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      const latency = this.options.latencyMs ?? 0;
      if (latency > 0) await abortableSleep(latency, this.options.ignoreAbort ? undefined : request.signal);
      return await (this.options.reply ?? echo)(request, call);
    } catch (error) {
      if (request.signal?.aborted) this.abortedSignals.push(request.signal);
      throw error;
    } finally {
      this.active--;
    }
  }
}

export function echo(request: LMRequest): LMResponse {
  const text = request.messages.at(-1)?.content ?? '';
  const promptTokens = request.messages.reduce((n, m) => n + m.content.split(/\s+/).filter(Boolean).length, 0);
  const completionTokens = text.split(/\s+/).filter(Boolean).length;
  return {
    texts: Array.from({ length: request.n ?? 1 }, () => text),
    model: request.model ?? 'fake-model',
    usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    cached: false,
    latencyMs: 0,
  };
}

/** A promise plus its resolver, for tests that release work at a moment they choose. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Polls `condition` until it holds; for tests that must not guess how long async work takes. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
