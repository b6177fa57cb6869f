/**
 * MIPROv2's dataset summary: observations on a first batch of examples, then up to 9 more batches
 * that add to the prior observations (stopping after 5 "COMPLETE" answers), then one summary of
 * it all. Examples are shown as DSPy prints a list of Examples, so the prompt model sees what it
 * would see from DSPy. A reply that cannot be parsed ends the observation loop early (as DSPy's
 * try/except does); aborts and LM failures propagate.
 */
import { runPredictor } from '../adapters/predict';
import type { Example } from '../data/types';
import { pyRepr, pyStringRepr } from '../signature/py-value';
import { DATASET_DESCRIPTOR, DATASET_DESCRIPTOR_WITH_PRIOR, OBSERVATION_SUMMARIZER, stripPrefix } from './proposer-signatures';
import type { OptimizerContext } from './types';

const MAX_OBSERVATION_CALLS = 10;
const MAX_COMPLETE_ANSWERS = 5;

/** Prompt-model calls the summary makes at most, for `train` examples. */
export function datasetSummaryCalls(train: number, batchSize = 10): number {
  const laterBatches = Math.max(0, Math.ceil((train - batchSize) / batchSize));
  return 2 + Math.min(MAX_OBSERVATION_CALLS - 1, laterBatches);
}

/** `repr(list_of_examples)` as DSPy prints it, input keys sorted. */
export function examplesRepr(examples: Example[], inputKeys: string[]): string {
  const keys = [...inputKeys].sort().map(pyStringRepr).join(', ');
  const items = examples.map((ex) => `Example(${pyRepr(ex.data)}) (input_keys={${keys}})`);
  return `[${items.join(', ')}]`;
}

function observationsOf(outputs: Record<string, unknown> | undefined): string | undefined {
  const value = outputs?.observations;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The calls go ahead of the task calls queued with them (`urgent`): each waits on the one
 * before, and the proposals wait on the summary, while bootstrapping fills the other slots.
 */
export async function summarizeDataset(ctx: OptimizerContext, trainset: Example[], batchSize = 10): Promise<string> {
  const call = (signature: typeof DATASET_DESCRIPTOR, inputs: Record<string, unknown>) =>
    runPredictor(ctx.promptLM, signature, [], inputs, { temperature: 1, signal: ctx.signal, urgent: true });
  const first = await call(DATASET_DESCRIPTOR, { examples: examplesRepr(trainset.slice(0, batchSize), ctx.inputKeys) });
  let observations = observationsOf(first.outputs) ?? '';
  if (first.error) ctx.log(`dataset summary: the first observation could not be read: ${first.error}`, 'warn');

  let calls = 0;
  let complete = 0;
  for (let start = batchSize; start < trainset.length; start += batchSize) {
    calls++;
    if (calls >= MAX_OBSERVATION_CALLS) break;
    const batch = trainset.slice(start, start + batchSize);
    const result = await call(DATASET_DESCRIPTOR_WITH_PRIOR, { prior_observations: observations, examples: examplesRepr(batch, ctx.inputKeys) });
    const added = observationsOf(result.outputs);
    if (added === undefined) {
      ctx.log(`dataset summary: stopped reading batches: ${result.error ?? 'no observations'}`, 'warn');
      break;
    }
    if (added.length >= 8 && added.slice(0, 8).toUpperCase() === 'COMPLETE') {
      complete++;
      if (complete >= MAX_COMPLETE_ANSWERS) break;
      continue;
    }
    observations += added;
  }

  const summary = await call(OBSERVATION_SUMMARIZER, { observations });
  const text = summary.outputs?.summary;
  if (typeof text !== 'string') {
    ctx.log(`dataset summary: the summary could not be read (${summary.error ?? 'empty'}); using the raw observations`, 'warn');
    return stripPrefix(observations);
  }
  return stripPrefix(text);
}
