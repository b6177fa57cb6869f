/**
 * The throughput figures of issues #3 and #7 with slot occupancy beside them:
 *   npx tsx bench/probe-throughput.ts [eval32|eval8|bfs|random|mipro]… [--repeat N]
 * Prints each figure and its slot report (bench/probe-slots.ts); writes nothing.
 */
import { loadavg } from 'node:os';
import { evalThroughput } from './eval-throughput';
import { optimizerThroughput, type OptimizerBench } from './optimizer-throughput';
import { createSlotProbe, formatSlotReport } from './probe-slots';
import { printFigure } from './results';

const LATENCY = 100;
const optimizers: Record<string, OptimizerBench> = {
  bfs: { optimizer: 'bootstrap-fewshot', config: {}, label: 'BootstrapFewShot' },
  random: { optimizer: 'random-search', config: { num_candidate_programs: 8 }, label: 'RandomSearch (8 candidates)' },
  mipro: { optimizer: 'miprov2', config: { auto: 'light' }, label: 'MIPROv2 light' },
};

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt === -1 ? 1 : Number(args[repeatAt + 1]);
const names = args.filter((a, i) => !a.startsWith('--') && (repeatAt === -1 || i !== repeatAt + 1));

for (let round = 0; round < repeat; round++) {
  for (const name of names.length > 0 ? names : ['eval32', 'bfs']) {
    const load = loadavg()[0]?.toFixed(2);
    const evalMatch = /^eval(\d+)$/.exec(name);
    if (evalMatch) {
      const concurrency = Number(evalMatch[1]);
      const probe = createSlotProbe(concurrency, LATENCY);
      printFigure(await evalThroughput({ examples: 500, latencyMs: LATENCY, concurrency, budget: 1.1, probe }));
      console.log(`load ${load}\n${formatSlotReport(probe.report(), concurrency)}\n`);
      continue;
    }
    const bench = optimizers[name];
    if (!bench) throw new Error(`unknown benchmark '${name}': use eval<N>, ${Object.keys(optimizers).join(', ')}`);
    const probe = createSlotProbe(8, LATENCY);
    const figures = await optimizerThroughput(bench, { latencyMs: LATENCY, concurrency: 8, probe });
    for (const f of figures) printFigure(f);
    console.log(`load ${load}\n${formatSlotReport(probe.report(), 8)}\n`);
  }
}
