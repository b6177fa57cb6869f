/** A chat completion as the `stream: true` server-sent events OpenAI sends, ending in [DONE]. */
import type { ChatCompletionResult } from '../types';

/** Pieces of a few words each, so clients see a real stream of deltas. */
function pieces(text: string): string[] {
  const parts = text.match(/\S*\s*/g)?.filter((p) => p.length > 0) ?? [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 3) out.push(parts.slice(i, i + 3).join(''));
  return out.length > 0 ? out : [''];
}

export function sseEvent(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export function completionChunks(result: ChatCompletionResult): string[] {
  const base = { id: result.id, object: 'chat.completion.chunk', created: result.created, model: result.model, system_fingerprint: result.system_fingerprint };
  const events: string[] = [];
  for (const choice of result.choices) {
    const chunk = (delta: Record<string, string>, finish: string | null) =>
      sseEvent({ ...base, choices: [{ index: choice.index, delta, finish_reason: finish, logprobs: null }] });
    events.push(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of pieces(choice.message.content)) events.push(chunk({ content: piece }, null));
    events.push(chunk({}, choice.finish_reason));
  }
  events.push(sseEvent({ ...base, choices: [], usage: result.usage }));
  events.push(sseEvent('[DONE]'));
  return events;
}
