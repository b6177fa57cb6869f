import { writeFile } from 'node:fs/promises';
import { exportDspyJson } from '../../core/formats/dspy-json';
import { getMetric, listMetrics } from '../../core/evaluate/metrics/registry';
import { createOpenAIClient } from '../../core/lm';
import { createFineTuner } from '../../core/lm/finetune';
import type { Embedder } from '../../core/lm/types';
import type { RunEvent } from '../../core/optimize/events';
import { listOptimizers } from '../../core/optimize/registry';
import { planRun, runOptimizer, type RunSpec } from '../../core/optimize/runner';
import { jsonFlag, numberFlag, parseFlags, requireFlag, UsageError } from '../args';
import { loadExamples } from '../data';
import type { Io } from '../io';
import { cacheFromFlags, lmFlagSpec } from '../lm';
import { loadProgram, programFlagSpec } from '../program';
import { codeFlagSpec, codeSetup } from '../code-services';
import { CORPUS_USAGE, corpusFlagSpec, corpusServices, loadCorpora } from '../corpora';
import { cliEmbeddings } from '../corpus-embeddings';

export const optimizeHelp = `prompt-studio optimize --optimizer NAME [--config JSON] --signature "…" | --project FILE
    --train FILE [--dev FILE] [--val FILE] --metric NAME --base-url URL --model M [--prompt-model M]
    [--api-key KEY] [--seed 0] [--concurrency 8] [--max-calls N] [--max-tokens N] [--max-cost USD]
    [--out compiled.json] [--dry-run] [--cache-dir .prompt-studio-cache | --no-cache]
    ${CORPUS_USAGE}
  Optimizes the program; prints the plan, progress, and last one line with the baseline and
  final dev scores. --config takes DSPy's parameter names, e.g. '{"max_bootstrapped_demos": 4}'.`;

const pct = (score: number | undefined) => (score === undefined ? 'n/a' : `${(100 * score).toFixed(2)}%`);

function printEvent(event: RunEvent, io: Io, state: { lastProgress: number }): void {
  switch (event.type) {
    case 'started':
      io.err(`optimize: ${event.optimizer}, seed ${event.seed}; plan: ${event.plan.taskCalls} task calls + ${event.plan.promptCalls} prompt calls, ≈${event.plan.estimatedTokens} tokens${event.plan.estimatedCost === undefined ? '' : `, ≈$${event.plan.estimatedCost.toFixed(4)}`}`);
      return;
    case 'trial':
      io.err(`optimize: trial ${event.trial.index} [${event.trial.subset}] ${event.trial.label}: ${pct(event.trial.score)} on ${event.trial.examples.length} examples`);
      return;
    case 'best':
      io.err(`optimize: new best ${pct(event.score)} (trial ${event.trialIndex})`);
      return;
    case 'progress': {
      const now = Date.now();
      if (now - state.lastProgress < 2000) return;
      state.lastProgress = now;
      const p = event.progress;
      io.err(`optimize: ${p.calls} calls (${p.cachedCalls} cached), ${p.tokens} tokens${p.etaMs === undefined ? '' : `, ETA ${Math.round(p.etaMs / 1000)} s`}`);
      return;
    }
    case 'log':
      io.err(`optimize: ${event.level === 'warn' ? 'warning: ' : ''}${event.message}`);
      return;
    case 'finished':
    case 'failed':
    case 'cancelled':
      return;
    default: {
      const never: never = event;
      throw new Error(`unhandled event ${JSON.stringify(never)}`);
    }
  }
}

export async function optimizeCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, {
    ...programFlagSpec,
    ...lmFlagSpec,
    ...codeFlagSpec,
    ...corpusFlagSpec,
    optimizer: { type: 'string' },
    config: { type: 'string' },
    train: { type: 'string' },
    dev: { type: 'string' },
    val: { type: 'string' },
    metric: { type: 'string' },
    'prompt-model': { type: 'string' },
    seed: { type: 'string' },
    'max-calls': { type: 'string' },
    'max-tokens': { type: 'string' },
    'max-cost': { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const optimizerId = requireFlag(flags.optimizer, 'optimizer', listOptimizers().map((o) => o.id).join(', '));
  if (!listOptimizers().some((o) => o.id === optimizerId)) throw new UsageError(`unknown optimizer '${optimizerId}' (known: ${listOptimizers().map((o) => o.id).join(', ')})`);
  const metricId = requireFlag(flags.metric, 'metric', listMetrics().map((m) => m.id).join(', '));
  const metric = getMetric(metricId);
  if (!metric) throw new UsageError(`unknown metric '${metricId}' (known: ${listMetrics().map((m) => m.id).join(', ')})`);
  const config = flags.config === undefined ? {} : jsonFlag(flags.config, 'config');
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new UsageError('--config must be a JSON object');
  const { graph, project } = await loadProgram(flags, io);
  const code = await codeSetup(flags, io, graph, project, metricId);
  const corpora = await loadCorpora(io, flags.corpus, project);
  const embeddings = cliEmbeddings(flags, io);
  // Embedding search goes through the run's embedder, so its requests are metered and budgeted.
  const services = (embedder: Embedder | undefined) => ({ ...code.services, ...corpusServices(corpora, embedder ? embeddings.using(embedder) : embeddings) });
  const train = await loadExamples(io, requireFlag(flags.train, 'train', 'a CSV, JSON or JSONL file'), graph);
  const dev = flags.dev ? await loadExamples(io, flags.dev, graph) : undefined;
  const val = flags.val ? await loadExamples(io, flags.val, graph) : undefined;
  const spec: RunSpec = {
    optimizer: optimizerId,
    config: config as Record<string, unknown>,
    graph,
    trainset: train.examples,
    valset: val?.examples,
    devset: dev?.examples,
    metric,
    metricConfig: code.metricConfig,
    fields: train.fields,
    seed: numberFlag(flags.seed, 'seed', { integer: true }) ?? 0,
    concurrency: numberFlag(flags.concurrency, 'concurrency', { min: 1, max: 256, integer: true }) ?? 8,
    budget: {
      maxCalls: numberFlag(flags['max-calls'], 'max-calls', { min: 1, integer: true }),
      maxTokens: numberFlag(flags['max-tokens'], 'max-tokens', { min: 1, integer: true }),
      maxCost: numberFlag(flags['max-cost'], 'max-cost', { min: 0 }),
    },
  };
  const model = requireFlag(flags.model, 'model');
  if (flags['dry-run']) {
    io.out(JSON.stringify(planRun(spec, model, flags['prompt-model'] ?? model), null, 2));
    return 0;
  }
  const baseURL = requireFlag(flags['base-url'], 'base-url', 'e.g. http://127.0.0.1:8788/v1 for `prompt-studio sim`');
  const apiKey = flags['api-key'] ?? io.env.OPENAI_API_KEY;
  const taskClient = createOpenAIClient({ baseURL, model, apiKey });
  const promptClient = flags['prompt-model'] ? createOpenAIClient({ baseURL, model: flags['prompt-model'], apiKey }) : undefined;
  const printState = { lastProgress: 0 };
  const outcome = await runOptimizer(spec, { taskClient, promptClient, embedder: taskClient, cacheStore: cacheFromFlags(flags), fineTuner: createFineTuner({ baseURL, apiKey }), services, emit: (e) => printEvent(e, io, printState), signal: io.stopSignal() });
  await code.close();
  if (outcome.status === 'failed') throw new Error(outcome.error);
  if (outcome.status === 'cancelled') {
    io.err('optimize: cancelled');
    return 1;
  }
  const { result } = outcome;
  if (flags.out) {
    await writeFile(flags.out, exportDspyJson(graph, result.program));
    io.err(`optimize: wrote ${flags.out} (DSPy's Module.load() format)`);
  }
  const u = result.usage;
  io.err(`optimize: ${u.calls - u.cachedCalls} provider calls, ${u.cachedCalls} from cache, ${u.spent.totalTokens} tokens spent${u.spent.cost === undefined ? '' : `, $${u.spent.cost.toFixed(4)}`}${result.stopReason === 'completed' ? '' : `; stopped: ${result.stopReason}`}`);
  io.out(`baseline dev ${pct(result.baselineDevScore)} → final dev ${pct(result.finalDevScore)} (${optimizerId}, val ${pct(result.score)}, ${result.trials} trials)`);
  return 0;
}
