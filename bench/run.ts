import { fileURLToPath } from 'node:url';
import { evalThroughput } from './eval-throughput';
import { optimizerThroughput } from './optimizer-throughput';
import { printFigure, writeResults, type Figure } from './results';

const figures: Figure[] = [];
const optimizerRuns = { latencyMs: 100, concurrency: 8 };
const runs: (() => Promise<Figure | Figure[]>)[] = [
  () => evalThroughput({ examples: 200, latencyMs: 100, concurrency: 8, budget: 1.15 }),
  () => optimizerThroughput({ optimizer: 'bootstrap-fewshot', config: {}, label: 'BootstrapFewShot' }, optimizerRuns),
  () => optimizerThroughput({ optimizer: 'random-search', config: { num_candidate_programs: 8 }, label: 'RandomSearch (8 candidates)' }, optimizerRuns),
  () => optimizerThroughput({ optimizer: 'miprov2', config: { auto: 'light' }, label: 'MIPROv2 light' }, optimizerRuns),
  () => optimizerThroughput({ optimizer: 'gepa', config: { max_metric_calls: 400 }, label: 'GEPA (400 metric calls)' }, optimizerRuns),
];
for (const run of runs) {
  for (const figure of [await run()].flat()) {
    printFigure(figure);
    figures.push(figure);
  }
}
const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
await writeResults(path, figures);
console.log(`wrote ${path}`);
