import { evaluate } from '../src/core/evaluate/evaluate';
import { getMetric } from '../src/core/evaluate/metrics/registry';
import { createLM, createOpenAIClient } from '../src/core/lm';
import { graphFromSignature } from '../src/core/program/build';
import { compileProgram } from '../src/core/program/execute';
import { programState } from '../src/core/program/state';
import { parseSignature } from '../src/core/signature';
import { generateArithmetic } from '../src/sim';
import type { SlotProbe } from './probe-slots';
import type { Figure } from './results';
import { startSimProcess } from './sim-process';

/**
 * Evaluate throughput against the latency bound: with a fixed per-call latency and a
 * concurrency cap, no client can finish faster than examples × latency / concurrency.
 */
export async function evalThroughput(options: { examples: number; latencyMs: number; concurrency: number; budget: number; probe?: SlotProbe }): Promise<Figure> {
  const { examples, latencyMs, concurrency, budget } = options;
  const sim = await startSimProcess(['--latency-ms', String(latencyMs)]);
  try {
    // A compiled-looking program (three demos), so replies parse and no JSON-adapter retries
    // add calls beyond one per example: the bound counts exactly one call per example.
    const demos = generateArithmetic(3, 99).map((d) => ({ ...d }));
    const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add', demos });
    const program = compileProgram(graph);
    const state = programState(graph);
    // No cache: every example must reach the server.
    const { probe } = options;
    const client = createOpenAIClient({ baseURL: sim.url, model: 'sim-1', ...(probe ? { fetch: probe.wrapFetch() } : {}) });
    const lm = createLM({ client: probe ? probe.wrap(client) : client, scheduler: { concurrency } });
    const rows = generateArithmetic(examples, 1).map((data, i) => ({ id: String(i), data: data as unknown as Record<string, unknown> }));
    const metric = getMetric('exact-match');
    if (!metric) throw new Error('exact-match metric missing');
    // One request first, so process start-up of the sim is not billed to the engine.
    await program.run(state, { a: 1, b: 2 }, { lm });
    probe?.reset();
    const before = (await sim.stats()).chatCompletions as number;
    const started = performance.now();
    const result = await evaluate((ex, signal) => program.run(state, { a: ex.data.a, b: ex.data.b }, { lm, signal }), rows, metric, { fields: ['sum'], concurrency });
    const wall = performance.now() - started;
    const calls = ((await sim.stats()).chatCompletions as number) - before;
    const bound = (examples * latencyMs) / concurrency;
    return {
      benchmark: `evaluate ${examples} examples, ${latencyMs} ms latency, concurrency ${concurrency}`,
      measured: `${wall.toFixed(0)} ms`,
      bound: `${bound.toFixed(0)} ms`,
      ratio: wall / bound,
      budget,
      note: `${calls} LM calls, score ${result.percent}%, ${result.errors} errors`,
    };
  } finally {
    await sim.close();
  }
}
