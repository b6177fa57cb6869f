import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Figure {
  benchmark: string;
  measured: string;
  bound: string;
  /** measured / bound, or another ratio the budget is written in. */
  ratio: number;
  /** The ratio must be at most this; without a budget the figure is informational. */
  budget?: number;
  note?: string;
}

/** Extra markdown after the figures table: a heading and its lines. */
export interface Section {
  title: string;
  lines: string[];
}

export function verdict(f: Figure): 'within' | 'over' | 'info' {
  if (f.budget === undefined) return 'info';
  return Number.isFinite(f.ratio) && f.ratio <= f.budget ? 'within' : 'over';
}

export function printFigure(f: Figure): void {
  const v = verdict(f);
  const budget = f.budget === undefined ? 'no budget' : `budget ≤ ${f.budget}`;
  console.log(`${f.benchmark}: measured ${f.measured}, bound ${f.bound}, ratio = ${f.ratio.toFixed(3)} (${budget}) — ${v === 'over' ? 'OVER BUDGET' : v}`);
}

/** The closing note: every missed budget by name, so a miss is never hidden. */
function closingNote(figures: Figure[], fixes: Record<string, string>): string[] {
  const over = figures.filter((f) => verdict(f) === 'over');
  if (over.length === 0) return ['Every figure with a budget is within it.'];
  return [
    `${over.length} figure(s) missed their budget:`,
    '',
    ...over.map((f) => {
      const fix = Object.entries(fixes).find(([key]) => f.benchmark.includes(key))?.[1];
      return `- **${f.benchmark}** (${f.ratio.toFixed(3)} against ≤ ${f.budget})${fix ? `: ${fix}` : ''}`;
    }),
  ];
}

/** bench/RESULTS.md: the machine, the date, and each figure with its budget. A miss is shown, never hidden. */
export async function writeResults(path: string, figures: Figure[], sections: Section[] = [], fixes: Record<string, string> = {}, loadAtStart?: number): Promise<void> {
  const cpu = cpus();
  const load = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(1));
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Load average (1 min) at the start: ${load(loadAtStart)}, at the end: ${load(loadavg()[0])}. Above ${cpu.length}, other work shared the CPUs and the timing figures are pessimistic.`,
    '',
    'Engine ratios are measured against a bound computed in the same run, so they hold across machines. A missed budget is reported here and is not a failure.',
    '',
    '| benchmark | measured | bound | ratio | budget | verdict | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => {
      const v = verdict(f);
      return `| ${f.benchmark} | ${f.measured} | ${f.bound} | ${f.ratio.toFixed(3)} | ${f.budget === undefined ? '—' : `≤ ${f.budget}`} | ${v === 'over' ? '**over**' : v} | ${f.note ?? ''} |`;
    }),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
    '## Closing note',
    '',
    ...closingNote(figures, fixes),
    '',
  ];
  await writeFile(path, lines.join('\n'));
}
