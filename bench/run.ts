import { fileURLToPath } from 'node:url';
import { evalThroughput } from './eval-throughput';
import { printFigure, writeResults, type Figure } from './results';

const figures: Figure[] = [];
for (const run of [() => evalThroughput({ examples: 200, latencyMs: 100, concurrency: 8, budget: 1.15 })]) {
  const figure = await run();
  printFigure(figure);
  figures.push(figure);
}
const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
await writeResults(path, figures);
console.log(`wrote ${path}`);
