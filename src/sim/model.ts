/**
 * The simulated language model: a pure, deterministic function from an OpenAI chat-completions
 * body to a reply. It is a simulator, not a model. It reads DSPy's ChatAdapter and JSONAdapter
 * prompts with its own parser, recognises a few tasks (addition, support-ticket classification)
 * and the optimizers' meta requests (instruction proposal, GEPA reflection, judging, dataset and
 * program descriptions, SIMBA advice), and answers them with a quality that depends on the
 * prompt, so that better prompts measurably score better. Identical bodies give identical replies.
 */
import { hashString, stableStringify } from './hash';
import { labelField } from './features';
import { answerAxMeta } from './meta/ax-meta';
import { judge, judgeFields } from './meta/judge';
import { describe, isDescription } from './meta/describe';
import { isFeedback, offerFeedback } from './meta/feedback';
import { isProposal, propose } from './meta/proposer';
import { isReflection, reflect } from './meta/reflection';
import { messageText, parsePrompt } from './parse/prompt';
import { renderAx, renderChat, renderJson } from './render';
import { answerAgent } from './tasks/agent';
import { findAddition } from './tasks/arithmetic';
import { answerComparison } from './tasks/comparison';
import { answerAddition } from './tasks/arithmeticModel';
import { answerSupport } from './tasks/classifyModel';
import { answerMultihop } from './tasks/multihopModel';
import { copiedFromDemo, genericValue, plainAnswer } from './tasks/generic';
import { estimateTokens } from './text';
import type { BehaviourReply, ChatCompletionBody, ChatCompletionResult, OutputValue, ParsedPrompt, SampleContext } from './types';

/** A fixed creation time: replies must not depend on the clock. */
const SIM_CREATED = 1735689600;
const MAX_CHOICES = 16;

export class SimRequestError extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'SimRequestError';
  }
}

function behave(prompt: ParsedPrompt, ctx: SampleContext): BehaviourReply {
  if (prompt.format === 'unknown') {
    return isReflection(prompt.userText) ? reflect(prompt.userText, ctx) : { kind: 'text', text: plainAnswer(prompt.userText) };
  }
  const axMeta = answerAxMeta(prompt, ctx);
  if (axMeta) return axMeta;
  if (isFeedback(prompt)) return offerFeedback(prompt);
  if (isProposal(prompt)) return propose(prompt, ctx);
  const judged = judgeFields(prompt);
  if (judged) return judge(prompt, judged);
  if (isDescription(prompt)) return describe(prompt);
  const copied = copiedFromDemo(prompt);
  if (copied) return { kind: 'fields', values: copied };
  const multihop = answerMultihop(prompt, ctx);
  if (multihop) return multihop;
  const agent = answerAgent(prompt) ?? answerComparison(prompt);
  if (agent) return agent;
  const addition = findAddition(prompt);
  if (addition) return answerAddition(prompt, addition, ctx);
  const label = labelField(prompt);
  const classified = label ? answerSupport(prompt, label, ctx) : null;
  if (classified) return classified;
  return { kind: 'fields', values: {} };
}

function completionText(prompt: ParsedPrompt, ctx: SampleContext, body: ChatCompletionBody): string {
  const reply = behave(prompt, ctx);
  switch (reply.kind) {
    case 'text':
      return body.response_format?.type === 'json_object' || body.response_format?.type === 'json_schema'
        ? JSON.stringify({ answer: reply.text })
        : reply.text;
    case 'fields': {
      const values: Record<string, OutputValue> = { ...reply.values };
      for (const field of prompt.outputs) if (!(field.name in values)) values[field.name] = genericValue(prompt, field, ctx);
      if (prompt.format === 'ax') return renderAx(prompt.outputs, values);
      return prompt.format === 'json' ? renderJson(prompt.outputs, values) : renderChat(prompt.outputs, values);
    }
    default: {
      const never: never = reply;
      throw new Error(`unknown reply ${String(never)}`);
    }
  }
}

function validate(body: ChatCompletionBody): void {
  if (!body || typeof body !== 'object') throw new SimRequestError('The request body must be a JSON object.');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new SimRequestError("'messages' must be a non-empty array of {role, content} objects.", 'messages');
  }
  body.messages.forEach((m, i) => {
    if (!m || typeof m.role !== 'string') throw new SimRequestError(`messages[${i}].role must be a string.`, `messages[${i}].role`);
  });
  if (body.n !== undefined && (!Number.isInteger(body.n) || body.n < 1 || body.n > MAX_CHOICES)) {
    throw new SimRequestError(`'n' must be an integer from 1 to ${MAX_CHOICES}.`, 'n');
  }
}

/** The key that decides every sample: the body without transport-only fields. */
export function requestHash(body: ChatCompletionBody): string {
  const { stream: _stream, stream_options: _options, user: _user, ...rest } = body;
  return hashString(stableStringify(rest)).toString(16).padStart(8, '0');
}

export function simulateChat(body: ChatCompletionBody): ChatCompletionResult {
  validate(body);
  const prompt = parsePrompt(body.messages);
  const hash = requestHash(body);
  const temperature = typeof body.temperature === 'number' ? body.temperature : 1;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const choices = Array.from({ length: body.n ?? 1 }, (_, index) => {
    const full = completionText(prompt, { key: `${hash}:${index}`, temperature, seed: body.seed }, body);
    const cut = typeof maxTokens === 'number' && maxTokens > 0 && estimateTokens(full) > maxTokens;
    return {
      index,
      message: { role: 'assistant' as const, content: cut ? full.slice(0, maxTokens * 4) : full, refusal: null },
      finish_reason: cut ? ('length' as const) : ('stop' as const),
      logprobs: null,
    };
  });
  const promptTokens = body.messages.reduce((sum, m) => sum + estimateTokens(messageText(m)) + 3, 0);
  const completionTokens = choices.reduce((sum, c) => sum + estimateTokens(c.message.content), 0);
  return {
    id: `chatcmpl-sim-${hash}`,
    object: 'chat.completion',
    created: SIM_CREATED,
    model: body.model ?? 'sim-1',
    system_fingerprint: 'fp_prompt_studio_sim',
    choices,
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}
