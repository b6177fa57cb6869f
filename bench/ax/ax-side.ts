/**
 * The Ax side of the side-by-side: @ax-llm/ax's AxBootstrapFewShot or AxGEPA on the shared
 * ticket task, against the same sim server our engine uses. Benchmark-only code: Ax is a
 * devDependency and never reaches the studio.
 */
import { ai, ax, AxBootstrapFewShot, AxGEPA } from '@ax-llm/ax';
import type { ClassificationRow } from '../../src/sim';
import { AX_SIGNATURE, counted, START_INSTRUCTION, type SideResult, type SimCounter } from './shared';

type Row = { ticketText: string; label: string };

const metric = ({ prediction, example }: { prediction: unknown; example: unknown }): number =>
  (prediction as { label?: unknown }).label === (example as Row).label ? 1 : 0;

function axRows(rows: readonly ClassificationRow[]): Row[] {
  return rows.map((r) => ({ ticketText: r.text, label: r.label }));
}

type Program = ReturnType<typeof ax>;
type Service = ReturnType<typeof ai>;

/** Share of dev rows whose label is right; a row Ax fails to parse counts as wrong. */
async function devScore(program: Program, llm: Service, dev: readonly Row[], concurrency: number): Promise<number> {
  let next = 0;
  let right = 0;
  const worker = async () => {
    for (let i = next++; i < dev.length; i = next++) {
      const row = dev[i] as Row;
      try {
        const out = await program.forward(llm, { ticketText: row.ticketText });
        right += metric({ prediction: out, example: row });
      } catch {
        // a reply Ax could not validate after its retries: scored 0, as our engine does
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return right / dev.length;
}

export async function runAxSide(kind: 'bootstrap' | 'gepa', sim: SimCounter, data: { train: readonly ClassificationRow[]; dev: readonly ClassificationRow[] }, settings: { concurrency: number; maxMetricCalls: number; seed?: number }): Promise<SideResult> {
  const llm = ai({ name: 'openai', apiKey: 'sk-sim-bench', apiURL: sim.url, config: { model: 'sim-1' as never, stream: false, temperature: 0 } });
  const train = axRows(data.train);
  const dev = axRows(data.dev);
  const program = ax(AX_SIGNATURE);
  program.setInstruction(START_INSTRUCTION);
  const zeroShot = await devScore(program, llm, dev, settings.concurrency);
  const before = await sim.counts();
  const t0 = performance.now();
  const quiet = { verbose: false, logger: () => {}, optimizerLogger: () => {}, seed: settings.seed ?? 0 };
  const compileMetric = counted(metric);
  // Program runs while compiling (what a metric-call budget bounds), counted where Ax makes them.
  const forward = program.forward.bind(program);
  const runs = counted(forward);
  program.forward = runs.score;
  if (kind === 'bootstrap') {
    const optimizer = new AxBootstrapFewShot({ studentAI: llm, ...quiet, options: { maxDemos: 4, maxRounds: 1 } });
    const result = await optimizer.compile(program, train, compileMetric.score);
    if (result.demos) program.setDemos(result.demos);
  } else {
    const optimizer = new AxGEPA({ studentAI: llm, teacherAI: llm, ...quiet });
    const result = await optimizer.compile(program, train, compileMetric.score, { maxMetricCalls: settings.maxMetricCalls, validationExamples: train });
    if (result.optimizedProgram) program.applyOptimization(result.optimizedProgram);
    else if (result.demos) program.setDemos(result.demos);
  }
  const wallMs = performance.now() - t0;
  program.forward = forward;
  const after = await sim.counts();
  const optimized = await devScore(program, llm, dev, settings.concurrency);
  return { wallMs, calls: after.calls - before.calls, metricCalls: compileMetric.count(), programRuns: runs.count(), tokens: after.tokens - before.tokens, zeroShot, optimized };
}
