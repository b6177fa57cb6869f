/**
 * Shapes of the simulator: the OpenAI-compatible request and reply it speaks, and the parsed
 * form of a DSPy prompt that its behaviours read. The sim defines its own (it never imports
 * src/core) so that a mistake in core's types cannot hide behind the same mistake here.
 */

export interface ContentPart {
  type: string;
  text?: string;
}

export interface SimMessage {
  role: string;
  content: string | ContentPart[] | null;
}

/** The body of `POST /v1/chat/completions` as far as the simulator reads it. */
export interface ChatCompletionBody {
  model?: string;
  messages: SimMessage[];
  temperature?: number;
  top_p?: number;
  seed?: number;
  n?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatCompletionChoice {
  index: number;
  message: { role: 'assistant'; content: string; refusal: null };
  finish_reason: 'stop' | 'length';
  logprobs: null;
}

/** The reply of `POST /v1/chat/completions`, in OpenAI's shape. */
export interface ChatCompletionResult {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  system_fingerprint: string;
  choices: ChatCompletionChoice[];
  usage: CompletionUsage;
}

/** 'ax': the @ax-llm/ax layout (tagged field sections, `Title: value` lines), see parse/ax.ts. */
export type PromptFormat = 'chat' | 'json' | 'ax' | 'unknown';

/** One field of a DSPy signature as its prompt shows it: name, type text, description. */
export interface SimField {
  name: string;
  type: string;
  desc: string;
}

export interface ParsedDemo {
  /** Field values as the prompt shows them (text); a field that was not supplied is absent. */
  values: Record<string, string>;
  complete: boolean;
}

export interface ParsedPrompt {
  format: PromptFormat;
  inputs: SimField[];
  outputs: SimField[];
  instructions: string;
  demos: ParsedDemo[];
  /** The inputs of the request itself (the final user message). */
  inputsNow: Record<string, string>;
  /** Every user message joined: what a non-DSPy request is about. */
  userText: string;
}

/** Per-choice sampling state: the same request and choice index always give the same sample. */
export interface SampleContext {
  /** Hash of the whole request body and the choice index. */
  key: string;
  temperature: number;
  seed: number | undefined;
}

/** A JSON-like value a behaviour answers for one output field. */
export type OutputValue = string | number | boolean | null | OutputValue[] | { [key: string]: OutputValue };

/** What a behaviour produces: a value per output field, or free text for non-DSPy requests. */
export type BehaviourReply =
  | { kind: 'fields'; values: Record<string, OutputValue> }
  | { kind: 'text'; text: string };
