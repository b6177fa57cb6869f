import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

export interface Figure {
  benchmark: string;
  measured: string;
  bound: string;
  /** measured / bound, or another ratio the budget is written in. */
  ratio: number;
  /** The ratio must be at most this. */
  budget: number;
  note?: string;
}

export function printFigure(f: Figure): void {
  const verdict = f.ratio <= f.budget ? 'within budget' : 'OVER BUDGET';
  console.log(`${f.benchmark}: measured ${f.measured}, bound ${f.bound}, measured/bound = ${f.ratio.toFixed(3)} (budget ≤ ${f.budget}) — ${verdict}`);
}

/** bench/RESULTS.md: the machine, the date, and each figure with its budget. A miss is shown, never hidden. */
export async function writeResults(path: string, figures: Figure[]): Promise<void> {
  const cpu = cpus();
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    '',
    'Ratios are measured against a bound computed in the same run, so they hold across machines.',
    '',
    '| benchmark | measured | bound | ratio | budget | verdict | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.benchmark} | ${f.measured} | ${f.bound} | ${f.ratio.toFixed(3)} | ≤ ${f.budget} | ${f.ratio <= f.budget ? 'within' : '**over**'} | ${f.note ?? ''} |`),
    '',
  ];
  await writeFile(path, lines.join('\n'));
}
