/**
 * AxGEPA's (Ax 24) meta programs, asked in Ax's own prompt layout:
 * - the summary: `targetId, minibatch, evalFeedback? -> feedbackSummary`;
 * - the proposal: `componentKey, componentKind, currentValue, feedbackSummary?, minibatch, … -> newValue`
 *   (or, in Ax's fallback path, `currentInstruction, feedbackSummary?, recentFeedback?, minibatch -> newInstruction`).
 * The minibatch is a JSON array of {input, prediction, score}, where `input` is the whole example,
 * gold outputs included. It is rewritten as the examples and feedback our GEPA's reflection prompt
 * shows (the exact-match metric's wording), and the proposal is answered by `reflect` itself: the
 * same information in gives the same quality out, whichever library asks.
 */
import type { BehaviourReply, ParsedPrompt, SampleContext } from '../types';
import { REFLECTION_OPENING, reflect } from './reflection';

export interface AxTrial {
  input: Record<string, unknown>;
  prediction: Record<string, unknown>;
  score: number;
}

const has = (prompt: ParsedPrompt, name: string) => prompt.inputs.some((f) => f.name === name);
const only = (prompt: ParsedPrompt, name: string) => prompt.outputs.length === 1 && prompt.outputs[0]?.name === name;

export function isAxFeedbackSummary(prompt: ParsedPrompt): boolean {
  return prompt.format === 'ax' && only(prompt, 'feedbackSummary') && has(prompt, 'minibatch');
}

/** The output the proposal asks for (`newValue` or `newInstruction`), or null. */
export function axProposalOutput(prompt: ParsedPrompt): 'newValue' | 'newInstruction' | null {
  if (prompt.format !== 'ax' || !has(prompt, 'minibatch')) return null;
  if (only(prompt, 'newValue') && has(prompt, 'currentValue')) return 'newValue';
  if (only(prompt, 'newInstruction') && has(prompt, 'currentInstruction')) return 'newInstruction';
  return null;
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The minibatch's trials; an unreadable minibatch gives none. */
export function readMinibatch(text: string | undefined): AxTrial[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.map((t) => {
      const trial = record(t);
      return { input: record(trial.input), prediction: record(trial.prediction), score: typeof trial.score === 'number' ? trial.score : 0 };
    });
  } catch {
    return [];
  }
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const quoted = (v: unknown) => `'${show(v)}'`;

/** Output fields: every key a prediction carried (Ax puts failures under `error`). */
function outputNames(trials: readonly AxTrial[]): string[] {
  const names = new Set<string>();
  for (const t of trials) for (const k of Object.keys(t.prediction)) if (k !== 'error') names.add(k);
  return [...names];
}

/** The exact-match metric's feedback our GEPA receives, from the trial's gold and prediction. */
function feedback(trial: AxTrial, outputs: readonly string[]): string {
  if (typeof trial.prediction.error === 'string') {
    const field = outputs.find((o) => o in trial.input);
    const expected = field ? `expected ${field} ${quoted(trial.input[field])}, ` : '';
    return `${expected}got no valid output. This trajectory got a score of 0.0.`;
  }
  const lines = outputs
    .filter((o) => o in trial.input)
    .map((o) =>
      show(trial.prediction[o]) === show(trial.input[o])
        ? `${o}: got ${quoted(trial.prediction[o])}, which matches the expected ${quoted(trial.input[o])}`
        : `expected ${o} ${quoted(trial.input[o])}, got ${quoted(trial.prediction[o] ?? '')}`,
    );
  return lines.length > 0 ? lines.join('\n') : `This trajectory got a score of ${trial.score.toFixed(1)}.`;
}

/** The trials as GEPA's reflection examples: inputs, generated outputs, feedback. */
export function trialsAsExamples(trials: readonly AxTrial[]): string {
  const outputs = outputNames(trials);
  return trials
    .map((t, i) => {
      const inputs = Object.entries(t.input).filter(([k]) => !outputs.includes(k));
      const produced = Object.entries(t.prediction).filter(([k]) => k !== 'error');
      return [
        `# Example ${i + 1}`,
        '## Inputs',
        ...inputs.map(([k, v]) => `### ${k}\n${show(v)}\n`),
        '## Generated Outputs',
        ...(produced.length > 0 ? produced.map(([k, v]) => `### ${k}\n${show(v)}\n`) : ['(no valid output)\n']),
        '## Feedback',
        feedback(t, outputs),
      ].join('\n');
    })
    .join('\n\n');
}

/** A short, factual summary: how many trials failed and what each failure expected. */
export function summarizeTrials(trials: readonly AxTrial[]): string {
  if (trials.length === 0) return 'No examples were scored.';
  const outputs = outputNames(trials);
  const failed = trials.filter((t) => t.score < 1);
  const head = `${failed.length} of ${trials.length} examples scored below 1.`;
  const notes = failed.map((t) => {
    const inputs = Object.entries(t.input).filter(([k]) => !outputs.includes(k));
    return `- ${inputs.map(([, v]) => show(v)).join(' / ')}: ${feedback(t, outputs).split('\n').join('; ')}`;
  });
  return [head, ...notes].join('\n');
}

function reflectionText(current: string, examples: string): string {
  return [
    REFLECTION_OPENING,
    '```',
    current,
    '```',
    'The following are examples of different task inputs provided to the assistant along with the assistant\'s response for each of them, and some feedback on how the assistant\'s response could be better:',
    '```',
    examples,
    '```',
    'Write a new instruction for the assistant. Provide the new instructions within ``` blocks.',
  ].join('\n');
}

/** The instruction `reflect` writes for this current value and these trials. */
export function axReflect(current: string, trials: readonly AxTrial[], notes: string, ctx: SampleContext): string {
  const examples = trials.length > 0 ? trialsAsExamples(trials) : notes;
  const reply = reflect(reflectionText(current, examples), ctx);
  const text = reply.kind === 'text' ? reply.text : '';
  const blocks = text.split('```');
  return (blocks[1] ?? '').trim();
}

/** AxGEPA's summary or proposal answered; null when the prompt is neither. */
export function answerAxMeta(prompt: ParsedPrompt, ctx: SampleContext): BehaviourReply | null {
  const now = prompt.inputsNow;
  if (isAxFeedbackSummary(prompt)) {
    return { kind: 'fields', values: { feedbackSummary: summarizeTrials(readMinibatch(now.minibatch)) } };
  }
  const output = axProposalOutput(prompt);
  if (!output) return null;
  const current = (output === 'newValue' ? now.currentValue : now.currentInstruction) ?? '';
  const instruction = axReflect(current, readMinibatch(now.minibatch), now.feedbackSummary ?? '', ctx);
  return { kind: 'fields', values: { [output]: instruction } };
}
