/**
 * Our side of the side-by-side: the engine's BootstrapFewShot or GEPA on the same ticket task
 * and the same sim server, with the same field names and temperature as the Ax side.
 */
import type { Example } from '../../src/core/data/types';
import { evaluate } from '../../src/core/evaluate/evaluate';
import { getMetric } from '../../src/core/evaluate/metrics/registry';
import { createLM, createOpenAIClient, MemoryCacheStore } from '../../src/core/lm';
import type { RunEvent } from '../../src/core/optimize/events';
import { runOptimizer } from '../../src/core/optimize/runner';
import { graphFromSignature } from '../../src/core/program/build';
import { compileProgram } from '../../src/core/program/execute';
import { programState } from '../../src/core/program/state';
import type { ProgramState } from '../../src/core/program/types';
import { parseSignature } from '../../src/core/signature';
import type { ClassificationRow } from '../../src/sim';
import { counted, DSPY_SIGNATURE, START_INSTRUCTION, type SideResult, type SimCounter } from './shared';

function examples(rows: readonly ClassificationRow[], prefix: string): Example[] {
  return rows.map((r, i) => ({ id: `${prefix}-${i + 1}`, data: { ticketText: r.text, label: r.label } }));
}

export async function runOurSide(kind: 'bootstrap' | 'gepa', sim: SimCounter, data: { train: readonly ClassificationRow[]; dev: readonly ClassificationRow[] }, settings: { concurrency: number; maxMetricCalls: number; seed?: number; gepa?: Record<string, unknown> }): Promise<SideResult> {
  const metric = getMetric('exact-match');
  if (!metric) throw new Error('exact-match metric missing');
  const graph = graphFromSignature({ ...parseSignature(DSPY_SIGNATURE), instructions: START_INSTRUCTION }, { name: 'classify' });
  const program = compileProgram(graph);
  const client = createOpenAIClient({ baseURL: sim.url, model: 'sim-1', defaultParams: { temperature: 0 } });
  const dev = examples(data.dev, 'dev');
  // Dev scoring runs without a cache, like the Ax side, so both score by asking the server.
  const scoreLM = createLM({ client, scheduler: { concurrency: settings.concurrency } });
  const score = async (state: ProgramState) =>
    (await evaluate((ex, signal) => program.run(state, { ticketText: ex.data.ticketText }, { lm: scoreLM, signal }), dev, metric, { fields: ['label'], concurrency: settings.concurrency })).score;
  const zeroShot = await score(programState(graph));
  const compileMetric = counted(metric.score.bind(metric));
  const spec = {
    optimizer: kind === 'bootstrap' ? 'bootstrap-fewshot' : 'gepa',
    config: kind === 'bootstrap' ? { max_bootstrapped_demos: 4, max_rounds: 1 } : { max_metric_calls: settings.maxMetricCalls, ...settings.gepa },
    graph,
    trainset: examples(data.train, 'train'),
    metric: { ...metric, score: compileMetric.score },
    seed: settings.seed ?? 0,
    concurrency: settings.concurrency,
  };
  const before = await sim.counts();
  const t0 = performance.now();
  // GEPA reports the program runs it spent (its metric-call budget) in its last log line.
  let programRuns = 0;
  const emit = (e: RunEvent) => {
    const spent = e.type === 'log' ? /(\d+) of \d+ metric calls/.exec(e.message) : null;
    if (spent) programRuns = Number(spent[1]);
  };
  const outcome = await runOptimizer(spec, { taskClient: client, cacheStore: new MemoryCacheStore(1_000_000), emit });
  const wallMs = performance.now() - t0;
  const after = await sim.counts();
  if (outcome.status !== 'finished') throw new Error(`our ${kind}: ${outcome.status === 'failed' ? outcome.error : 'cancelled'}`);
  const optimized = await score(outcome.result.program);
  return { wallMs, calls: after.calls - before.calls, metricCalls: compileMetric.count(), programRuns: programRuns || compileMetric.count(), tokens: after.tokens - before.tokens, zeroShot, optimized };
}
