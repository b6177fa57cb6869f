import { z } from 'zod';
import { chatAdapter } from '../adapters/chat';
import { jsonAdapter } from '../adapters/json';
import type { LMCallRecord } from '../adapters/types';
import type { FineTuneRecord } from '../lm/finetune';
import type { ProgramState, TraceStep } from '../program/types';
import type { Optimizer, OptimizerContext } from './types';

export const bootstrapFinetuneConfig = z.object({
  multitask: z.boolean().default(true).describe('One fine-tuning job per model shared by all its predictors (false: one job per predictor)'),
  exclude_demos: z.boolean().default(false).describe("Train on prompts without demos, and drop the predictors' demos afterwards"),
  suffix: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, - and _ only').default('prompt-studio').describe("Shown in the fine-tuned model's name"),
});

export type BootstrapFinetuneConfig = z.infer<typeof bootstrapFinetuneConfig>;

/** The call that produced the step's outputs: the last one without an error. */
function successfulCall(step: TraceStep): LMCallRecord | undefined {
  return [...step.calls].reverse().find((c) => c.error === undefined && c.raw !== undefined);
}

/** One chat-format training record: the exact prompt the predictor sent and the reply it parsed. */
export function recordFromStep(step: TraceStep, state: ProgramState, excludeDemos: boolean): FineTuneRecord | null {
  const call = successfulCall(step);
  const predictor = state[step.predictor];
  if (!call?.raw || !predictor) return null;
  // Without demos the prompt must be rebuilt; the adapter that answered keeps the reply's format consistent.
  const adapter = call.adapter === 'json' ? jsonAdapter : chatAdapter;
  const prompt = excludeDemos ? adapter.format(predictor.signature, [], step.inputs) : call.messages;
  return { messages: [...prompt, { role: 'assistant', content: call.raw }] };
}

function modelOf(ctx: OptimizerContext, state: ProgramState, name: string): string {
  const node = ctx.predictors.find((p) => p.name === name)?.node;
  return state[name]?.model ?? node?.config.model ?? ctx.taskLM.model;
}

/**
 * DSPy's BootstrapFinetune: run the program on the train set, keep the traces the metric accepts,
 * turn every predictor call in them into a chat-format training example (the exact prompt and
 * reply), shuffle with the seed, fine-tune through the provider's API (one job per model, or per
 * predictor without multitask), and point each predictor at its fine-tuned model.
 */
export const bootstrapFinetune: Optimizer<BootstrapFinetuneConfig> = {
  id: 'bootstrap-finetune',
  name: 'BootstrapFinetune',
  description: "Fine-tunes the task model on the program's own successful traces through the provider's fine-tuning API.",
  config: bootstrapFinetuneConfig,
  // The provider's minimum (OpenAI: 10 examples), before failures are filtered out.
  minTrainSize: 10,
  usesPromptModel: false,
  plan: (config, sizes) => ({
    taskRuns: sizes.train + sizes.val,
    taskCalls: (sizes.train + sizes.val) * sizes.predictors,
    promptCalls: 0,
    notes: [
      `${sizes.train} runs to collect traces on the train set; successful ones become training examples`,
      `${config.multitask ? 'one fine-tuning job per model' : `one fine-tuning job per predictor (${sizes.predictors})`}, billed by the provider per trained token`,
      `${sizes.val} runs to score the fine-tuned program on the val set`,
    ],
  }),
  async compile(ctx, config) {
    const tuner = ctx.fineTuner;
    if (!tuner) throw new Error("BootstrapFinetune needs the provider's fine-tuning API, and this host offers none");
    const state = ctx.baseline;
    // Scored on the train set, not the val set: recorded as a 'minibatch' trial so it cannot become the best-so-far.
    const { result } = await ctx.evaluate(state, ctx.trainset, { label: 'bootstrap traces (train)', subset: 'minibatch' });
    const kept = result.results.filter((r) => r.score > 0 && !r.error);
    ctx.log(`${kept.length} of ${result.results.length} train traces succeeded`);

    const groups = new Map<string, { model: string; predictors: string[]; records: FineTuneRecord[] }>();
    for (const p of ctx.predictors) {
      const model = modelOf(ctx, state, p.name);
      const key = config.multitask ? model : p.name;
      const group = groups.get(key) ?? { model, predictors: [], records: [] };
      group.predictors.push(p.name);
      groups.set(key, group);
    }
    for (const r of kept) {
      for (const step of r.prediction.trace) {
        const record = recordFromStep(step, state, config.exclude_demos);
        const group = [...groups.values()].find((g) => g.predictors.includes(step.predictor));
        if (record && group) group.records.push(record);
      }
    }

    const tuned: ProgramState = { ...state };
    // Jobs run one after another in key order, so logs and ids come out the same on every run.
    for (const [key, group] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const records = ctx.rng.fork(`finetune ${key}`).shuffle(group.records);
      if (records.length === 0) throw new Error(`no successful traces for ${group.predictors.join(', ')}: nothing to fine-tune ${group.model} on`);
      ctx.log(`fine-tuning ${group.model} on ${records.length} examples (${group.predictors.join(', ')})`);
      const job = await tuner.fineTune({
        baseModel: group.model,
        records,
        suffix: config.suffix || undefined,
        seed: ctx.seed,
        signal: ctx.signal,
        onStatus: (status, jobId) => ctx.log(`job ${jobId}: ${status}`),
      });
      ctx.log(`fine-tuned model ${job.model} is ready`);
      for (const name of group.predictors) {
        const s = tuned[name];
        if (s) tuned[name] = { ...s, model: job.model, demos: config.exclude_demos ? [] : s.demos };
      }
    }
    const { result: final } = await ctx.evaluate(tuned, ctx.valset, { label: 'fine-tuned', subset: 'full' });
    return { program: tuned, score: final.score };
  },
};
