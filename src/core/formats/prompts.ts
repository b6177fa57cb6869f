/**
 * A program's prompts as text, without running it: for each predictor, the messages DSPy's
 * ChatAdapter sends — system message, demo turns, and the final request with each input shown
 * as a `{name}` placeholder. What a user reads (or hands to someone) to see what an
 * optimization actually produced, instructions and demos in place.
 */
import { chatAdapter } from '../adapters/chat';
import type { ChatMessage } from '../lm/types';
import { namedPredictors } from '../program/state';
import type { PredictorState, ProgramGraph, ProgramState } from '../program/types';

export interface PredictorPrompt {
  /** DSPy's `named_predictors()` name. */
  predictor: string;
  messages: ChatMessage[];
  /** Why the messages could not be formatted (a field type that does not parse, say). */
  error?: string;
}

/** The prompt of every predictor of `state`, in DSPy's predictor order. */
export function programPrompts(graph: ProgramGraph, state: ProgramState): PredictorPrompt[] {
  const names = namedPredictors(graph).map((p) => p.name);
  // A state may hold a predictor the graph no longer has (an old run): it is shown last, not lost.
  const ordered = [...names.filter((n) => n in state), ...Object.keys(state).filter((n) => !names.includes(n))];
  return ordered.map((predictor) => {
    const { signature, demos } = state[predictor] as PredictorState;
    const placeholders = Object.fromEntries(signature.inputs.map((f) => [f.name, `{${f.name}}`]));
    try {
      return { predictor, messages: chatAdapter.format(signature, demos, placeholders) };
    } catch (error) {
      return { predictor, messages: [], error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** The prompts as one Markdown document: a section per predictor, a fenced block per message. */
export function promptsMarkdown(title: string, prompts: readonly PredictorPrompt[]): string {
  const parts = [`# ${title}`];
  for (const p of prompts) {
    parts.push(`## ${p.predictor}`);
    if (p.error) parts.push(`Could not be formatted: ${p.error}`);
    for (const m of p.messages) parts.push(`### ${m.role}\n\n${fence(m.content)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}
