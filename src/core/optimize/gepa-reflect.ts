/**
 * GEPA's reflective step for one component (predictor): the parent's traces on the minibatch
 * become `{Inputs, Generated Outputs, Feedback}` items, and one call to the reflection model,
 * with GEPA's template, turns the current instruction plus those items into a new instruction.
 */
import type { ExampleResult } from '../evaluate/types';
import type { LM } from '../lm/types';

export interface ReflectiveItem {
  inputs: Record<string, string>;
  /** Output values, or a note that the reply could not be parsed (with the raw reply). */
  outputs: Record<string, string> | string;
  feedback: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const textRecord = (values: Record<string, unknown>): Record<string, string> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)]));

/**
 * One item per example whose trace reached `component`. A failed step is preferred (its raw
 * reply tells the reflector what went wrong with the format); otherwise the first call.
 */
export function reflectiveDataset(component: string, results: readonly ExampleResult[]): ReflectiveItem[] {
  const items: ReflectiveItem[] = [];
  for (const result of results) {
    const steps = result.prediction.trace.filter((s) => s.predictor === component);
    const failed = steps.find((s) => s.error !== undefined);
    const step = failed ?? steps[0];
    if (!step) continue;
    const feedback = result.feedback ?? `This trajectory got a score of ${result.score}.`;
    if (failed) {
      const raw = failed.calls.find((c) => c.raw !== undefined)?.raw ?? '';
      items.push({ inputs: textRecord(failed.inputs), outputs: `Couldn't parse the output as per the expected output format. The model's raw response was:\n${raw}`, feedback });
    } else {
      items.push({ inputs: textRecord(step.inputs), outputs: textRecord(step.outputs), feedback });
    }
  }
  return items;
}

function section(title: string, value: Record<string, string> | string): string {
  if (typeof value === 'string') return `## ${title}\n${value.trim()}\n`;
  return `## ${title}\n${Object.entries(value).map(([k, v]) => `### ${k}\n${v.trim()}\n`).join('\n')}`;
}

/** The items as GEPA shows them: "# Example N" sections with Inputs, Generated Outputs, Feedback. */
export function formatItems(items: readonly ReflectiveItem[]): string {
  return items.map((item, i) => `# Example ${i + 1}\n${section('Inputs', item.inputs)}\n${section('Generated Outputs', item.outputs)}\n${section('Feedback', item.feedback)}`).join('\n\n');
}

/** GEPA's reflection prompt. Its first line and its closing request are the template's fixed parts. */
export function reflectionPrompt(instruction: string, items: readonly ReflectiveItem[]): string {
  return [
    'I provided an assistant with the following instructions to perform a task for me:',
    '```',
    instruction.trim(),
    '```',
    '',
    'Below are inputs the assistant was given, what it answered, and feedback on each answer:',
    '```',
    formatItems(items),
    '```',
    '',
    'Write a new instruction for the assistant.',
    '',
    'Work out from the inputs what the task is and what format its inputs take. Read every answer and its feedback, and write down the specific facts about this task that the feedback reveals (names, rules, special cases), since the assistant will not see these examples again. If an answer used a strategy that generalizes, include it.',
    '',
    'Provide the new instructions within ``` blocks.',
  ].join('\n');
}

/** The text of the reply's ``` block (an optional language tag dropped), or the whole reply. */
export function extractInstruction(reply: string): string {
  const start = reply.indexOf('```');
  const end = reply.lastIndexOf('```');
  if (start === -1 || end <= start) return reply.trim();
  const inner = reply.slice(start + 3, end);
  const firstLine = inner.split('\n', 1)[0] ?? '';
  // "```text\n..." or "```markdown\n...": a one-word tag, not part of the instruction.
  const body = /^\s*[A-Za-z0-9_-]*\s*$/.test(firstLine) ? inner.slice(firstLine.length) : inner;
  return body.trim();
}

/**
 * One reflection call; returns the proposed instruction (the current one when the reply is
 * empty). Its step waits on it while other steps' evaluations fill the slots: it goes ahead of
 * them in the queue (`urgent`).
 */
export async function proposeInstruction(lm: LM, instruction: string, items: readonly ReflectiveItem[], signal: AbortSignal): Promise<string> {
  const response = await lm.complete({ messages: [{ role: 'user', content: reflectionPrompt(instruction, items) }], signal, urgent: true });
  const proposed = extractInstruction(response.texts[0] ?? '');
  return proposed === '' ? instruction : proposed;
}
