import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { axSideBySide } from './ax/side-by-side';
import { evalThroughput } from './eval-throughput';
import { optimizerThroughput } from './optimizer-throughput';
import { FIXES } from './fixes';
import { printFigure, writeResults, type Figure, type Section } from './results';
import { runUiBench } from './ui/run-ui';
import { installNodeSha256 } from '../src/cli/node-sha256';

// The engine in Node as the CLI runs it: cache keys through Node's SHA-256 (same keys as WebCrypto's).
installNodeSha256();

const figures: Figure[] = [];
const sections: Section[] = [];
const optimizerRuns = { latencyMs: 100, concurrency: 8 };
const record = (list: Figure[]) => {
  for (const figure of list) {
    printFigure(figure);
    figures.push(figure);
  }
};

const started = Date.now();
const loadAtStart = loadavg()[0];
for (const concurrency of [1, 8, 32]) record([await evalThroughput({ examples: 500, latencyMs: 100, concurrency, budget: 1.1 })]);
record(await optimizerThroughput({ optimizer: 'bootstrap-fewshot', config: {}, label: 'BootstrapFewShot' }, optimizerRuns));
record(await optimizerThroughput({ optimizer: 'random-search', config: { num_candidate_programs: 8 }, label: 'RandomSearch (8 candidates)' }, optimizerRuns));
record(await optimizerThroughput({ optimizer: 'miprov2', config: { auto: 'light' }, label: 'MIPROv2 light' }, optimizerRuns));
record(await optimizerThroughput({ optimizer: 'gepa', config: { max_metric_calls: 400 }, label: 'GEPA (400 metric calls)' }, optimizerRuns));

const ax = await axSideBySide({ latencyMs: 100, concurrency: 8, maxMetricCalls: 400 });
record(ax.figures);
sections.push({ title: 'Side by side with Ax (@ax-llm/ax)', lines: ax.table });

// The UI part builds the studio and drives it in Chromium; if it cannot run here, say so
// in the results instead of failing the whole benchmark.
try {
  const ui = await runUiBench();
  record(ui.figures);
  sections.push({ title: 'Studio (Playwright on Chromium, production build)', lines: ui.notes });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`the UI benchmark did not run: ${message}`);
  sections.push({ title: 'Studio (Playwright on Chromium, production build)', lines: [`**The UI benchmark did not run:** ${message.split('\n')[0]}`] });
}

sections.push({ title: 'Run', lines: [`The whole \`npm run bench\` took ${((Date.now() - started) / 1000).toFixed(0)} s.`] });
const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
await writeResults(path, figures, sections, FIXES, loadAtStart);
console.log(`wrote ${path}`);
