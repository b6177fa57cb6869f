/**
 * Descriptions the proposers ask for first: dataset observations and summaries (MIPROv2's
 * DatasetDescriptor and ObservationSummarizer) and program / module descriptions. Short,
 * plausible text that carries what the examples show, so the instruction proposer that reads it
 * later can act on it.
 */
import type { BehaviourReply, OutputValue, ParsedPrompt } from '../types';
import { gatherInsights } from './insight';
import type { Insights } from './insight';

export const DESCRIBE_FIELDS = ['observations', 'summary', 'program_description', 'module_description', 'dataset_description', 'task_description', 'description'];

/** DSPy's describers take examples, observations or program code; a plain summarizer does not. */
const DESCRIBE_INPUTS = ['examples', 'observations', 'prior_observations', 'program_code', 'program_example', 'module'];

export function isDescription(prompt: ParsedPrompt): boolean {
  return (
    prompt.outputs.length > 0 &&
    prompt.outputs.every((f) => DESCRIBE_FIELDS.includes(f.name) || f.name === 'reasoning') &&
    prompt.inputs.some((f) => DESCRIBE_INPUTS.includes(f.name))
  );
}

function datasetFacts(insights: Insights): string[] {
  switch (insights.task) {
    case 'support': {
      const facts = [
        `The examples are short customer-support tickets, each labelled with one queue${insights.labels.length ? ` (${insights.labels.join(', ')})` : ''}.`,
      ];
      if (insights.settledRule) facts.push('Some tickets first mention a topic that is already resolved and then the real problem; the label follows the problem that remains.');
      if (insights.mappings.size > 0) facts.push(`A few use domain terms such as ${[...insights.mappings.keys()].map((t) => `"${t}"`).join(', ')}.`);
      return facts;
    }
    case 'arithmetic':
      return [
        'Each example gives two integers and their sum.',
        insights.carries ? 'Many additions need carrying across columns, and the numbers range from one to several digits.' : 'The numbers range from one to several digits.',
      ];
    case 'unknown':
      return ['The examples pair short inputs with short outputs in a consistent format.'];
    default: {
      const never: never = insights.task;
      throw new Error(`unknown task ${String(never)}`);
    }
  }
}

function programText(insights: Insights, module: boolean): string {
  const what =
    insights.task === 'support'
      ? 'routes a customer-support ticket to the queue that should handle it'
      : insights.task === 'arithmetic'
        ? 'adds two integers and returns their sum'
        : 'maps the given inputs to the requested outputs';
  return module
    ? `This module is the step that ${what}; its output is the program's final answer.`
    : `The program ${what}, using a single language-model call per example.`;
}

export function describe(prompt: ParsedPrompt): BehaviourReply {
  const seen = Object.values(prompt.inputsNow).join('\n\n');
  const insights = gatherInsights(seen);
  const facts = datasetFacts(insights).join(' ');
  const prior = (prompt.inputsNow.prior_observations ?? '').toLowerCase();
  const values: Record<string, OutputValue> = {};
  for (const field of prompt.outputs) {
    switch (field.name) {
      case 'program_description':
        values[field.name] = programText(insights, false);
        break;
      case 'module_description':
        values[field.name] = programText(insights, true);
        break;
      case 'observations':
        // With prior observations that already hold these facts, DSPy expects "COMPLETE".
        values[field.name] = prior && prior.includes(facts.slice(0, 40).toLowerCase()) ? 'COMPLETE' : facts;
        break;
      default:
        values[field.name] = field.name === 'reasoning' ? 'I read the examples and noted what they have in common.' : facts;
    }
  }
  return { kind: 'fields', values };
}
