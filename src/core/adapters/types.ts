import type { Demo, Signature } from '../signature/types';
import type { ChatMessage, ResponseFormat, Usage } from '../lm/types';

export type AdapterName = 'chat' | 'json';

/** Turns a signature, demos and inputs into chat messages, and a reply back into typed outputs. */
export interface Adapter {
  readonly name: AdapterName;
  format(signature: Signature, demos: Demo[], inputs: Record<string, unknown>): ChatMessage[];
  /** Typed output values by field name. Throws `AdapterParseError` when the reply does not fit. */
  parse(signature: Signature, completion: string): Record<string, unknown>;
  /** Extra request parameters this adapter wants (the JSON adapter asks for a JSON object). */
  responseFormat?(signature: Signature): ResponseFormat | undefined;
}

export class AdapterParseError extends Error {
  override readonly name = 'AdapterParseError';
  constructor(
    message: string,
    readonly adapter: AdapterName,
    readonly raw: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** One LM request made on behalf of a predictor, as the trace inspector shows it. */
export interface LMCallRecord {
  adapter: AdapterName;
  messages: ChatMessage[];
  /** The raw reply text, or undefined when the call itself failed. */
  raw?: string;
  usage: Usage;
  cached: boolean;
  latencyMs: number;
  error?: string;
}
