/**
 * The engine's own share of idle slots, with the sim process, HTTP and the machine's other
 * work taken out: an optimizer runs in-process against a transport that replays recorded sim
 * replies after exactly `latencyMs`. Whatever idle slot time remains is the engine's (its CPU
 * between calls, and the order in which its work becomes ready).
 *   npx tsx bench/probe-engine.ts [bfs|random|mipro|gepa|eval32] [--repeat N]
 */
import type { Example } from '../src/core/data/types';
import { evaluate } from '../src/core/evaluate/evaluate';
import { getMetric } from '../src/core/evaluate/metrics/registry';
import { createLM, createOpenAIClient, MemoryCacheStore } from '../src/core/lm';
import { runOptimizer } from '../src/core/optimize/runner';
import { graphFromSignature } from '../src/core/program/build';
import { compileProgram } from '../src/core/program/execute';
import { programState } from '../src/core/program/state';
import { parseSignature } from '../src/core/signature';
import { generateArithmetic, generateClassification, SUPPORT_LABELS } from '../src/sim';
import { replayFetch } from './probe-replay';
import { createSlotProbe, formatSlotReport } from './probe-slots';

const LATENCY = 100;
const optimizers: Record<string, { optimizer: string; config: Record<string, unknown> }> = {
  bfs: { optimizer: 'bootstrap-fewshot', config: {} },
  random: { optimizer: 'random-search', config: { num_candidate_programs: 8 } },
  mipro: { optimizer: 'miprov2', config: { auto: 'light' } },
  gepa: { optimizer: 'gepa', config: { max_metric_calls: 400 } },
};

async function probeOptimizer(name: string, concurrency: number): Promise<void> {
  const bench = optimizers[name];
  if (!bench) throw new Error(`unknown optimizer '${name}'`);
  const rows = generateClassification(120, 21);
  const examples: Example[] = rows.map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
  const labels = SUPPORT_LABELS.map((l) => `'${l}'`).join(', ');
  const graph = graphFromSignature(parseSignature(`text -> label: Literal[${labels}]`), { name: 'classify' });
  const spec = { ...bench, graph, trainset: examples.slice(0, 60), devset: examples.slice(60), metric: getMetric('exact-match'), seed: 0, concurrency };
  const replies = new Map<string, string>();
  const fetch = replayFetch(LATENCY, replies);
  // The first pass fills the reply table at full speed through its own (fresh) cache.
  const record = createOpenAIClient({ baseURL: 'http://replay/v1', model: 'sim-1', fetch: replayFetch(0, replies) });
  await runOptimizer(spec, { taskClient: record, embedder: record, cacheStore: new MemoryCacheStore(1_000_000), emit: () => {} });
  const probe = createSlotProbe(concurrency, LATENCY);
  const transport = createOpenAIClient({ baseURL: 'http://replay/v1', model: 'sim-1', fetch: probe.wrapFetch(fetch) });
  const client = { ...transport, ...probe.wrap(transport) };
  const t0 = performance.now();
  const outcome = await runOptimizer(spec, { taskClient: client, embedder: client, cacheStore: new MemoryCacheStore(1_000_000), emit: () => {} });
  const wall = performance.now() - t0;
  const report = probe.report();
  const bound = (report.calls * LATENCY) / concurrency;
  console.log(`${name} (${outcome.status}): wall ${wall.toFixed(0)} ms, bound ${bound.toFixed(0)} ms, ratio ${(wall / bound).toFixed(3)}\n${formatSlotReport(report, concurrency)}\n`);
}

async function probeEvaluate(concurrency: number): Promise<void> {
  const demos = generateArithmetic(3, 99).map((d) => ({ ...d }));
  const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add', demos });
  const program = compileProgram(graph);
  const state = programState(graph);
  const rows = generateArithmetic(500, 1).map((data, i) => ({ id: String(i), data: data as unknown as Record<string, unknown> }));
  const metric = getMetric('exact-match');
  if (!metric) throw new Error('exact-match metric missing');
  const replies = new Map<string, string>();
  const pass = (lm: ReturnType<typeof createLM>) => evaluate((ex, signal) => program.run(state, { a: ex.data.a, b: ex.data.b }, { lm, signal }), rows, metric, { fields: ['sum'], concurrency });
  await pass(createLM({ client: createOpenAIClient({ baseURL: 'http://replay/v1', model: 'sim-1', fetch: replayFetch(0, replies) }), scheduler: { concurrency } }));
  const probe = createSlotProbe(concurrency, LATENCY);
  const transport = createOpenAIClient({ baseURL: 'http://replay/v1', model: 'sim-1', fetch: probe.wrapFetch(replayFetch(LATENCY, replies)) });
  const lm = createLM({ client: probe.wrap(transport), scheduler: { concurrency } });
  await program.run(state, { a: 1, b: 2 }, { lm });
  probe.reset();
  const t0 = performance.now();
  await pass(lm);
  const wall = performance.now() - t0;
  const report = probe.report();
  console.log(`eval${concurrency}: wall ${wall.toFixed(0)} ms, bound ${((500 * LATENCY) / concurrency).toFixed(0)} ms, ratio ${(wall / ((500 * LATENCY) / concurrency)).toFixed(3)}\n${formatSlotReport(report, concurrency)}\n`);
}

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt === -1 ? 1 : Number(args[repeatAt + 1]);
const names = args.filter((a, i) => !a.startsWith('--') && (repeatAt === -1 || i !== repeatAt + 1));
for (let round = 0; round < repeat; round++) {
  for (const name of names.length > 0 ? names : ['bfs']) {
    const evalMatch = /^eval(\d+)$/.exec(name);
    if (evalMatch) await probeEvaluate(Number(evalMatch[1]));
    else await probeOptimizer(name, 8);
  }
}
