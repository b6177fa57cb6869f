/**
 * Our engine side by side with Ax (@ax-llm/ax) on one sim server, the same ticket data, the
 * same field names and temperature 0: BootstrapFewShot against AxBootstrapFewShot, GEPA against
 * AxGEPA with the same metric-call budget. The sim reads both prompt layouts into the same task
 * model (src/sim/parse/ax.ts), so the zero-shot scores show both start from the same model.
 */
import { generateClassification } from '../../src/sim';
import type { Figure } from '../results';
import { startSimProcess } from '../sim-process';
import { runAxSide } from './ax-side';
import { runOurSide } from './our-side';
import { START_INSTRUCTION, type SideResult, type SimCounter } from './shared';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Several seeded runs of one side, summarised by their means (the dev scores also listed one by one). */
interface Side {
  runs: SideResult[];
  mean: SideResult;
}

function side(runs: SideResult[]): Side {
  const avg = (pick: (r: SideResult) => number) => mean(runs.map(pick));
  return {
    runs,
    mean: { wallMs: avg((r) => r.wallMs), calls: avg((r) => r.calls), metricCalls: avg((r) => r.metricCalls), programRuns: avg((r) => r.programRuns), tokens: avg((r) => r.tokens), zeroShot: avg((r) => r.zeroShot), optimized: avg((r) => r.optimized) },
  };
}

function row(label: string, lib: string, s: Side): string {
  const r = s.mean;
  const each = s.runs.length > 1 ? ` (${s.runs.map((x) => pct(x.optimized)).join(', ')})` : '';
  return `| ${label} | ${lib} | ${pct(r.zeroShot)} | ${r.wallMs.toFixed(0)} ms | ${r.calls.toFixed(0)} | ${r.programRuns.toFixed(0)} | ${r.tokens.toFixed(0)} | ${pct(r.optimized)}${each} |`;
}

function figures(label: string, ours: Side, theirs: Side): Figure[] {
  const [o, t] = [ours.mean, theirs.mean];
  const seeds = ours.runs.length > 1 ? `, mean of ${ours.runs.length} seeds` : '';
  return [
    { benchmark: `${label} vs Ax: compile wall, ours / Ax`, measured: `${o.wallMs.toFixed(0)} ms`, bound: `${t.wallMs.toFixed(0)} ms`, ratio: o.wallMs / t.wallMs, budget: 1 },
    {
      benchmark: `${label} vs Ax: dev score, Ax − ours (points)`,
      measured: pct(o.optimized),
      bound: pct(t.optimized),
      ratio: (t.optimized - o.optimized) * 100,
      budget: 0,
      note: `zero-shot: ours ${pct(o.zeroShot)}, Ax ${pct(t.zeroShot)}${seeds}`,
    },
    { benchmark: `${label} vs Ax: LM calls, ours / Ax`, measured: `${o.calls.toFixed(0)} calls`, bound: `${t.calls.toFixed(0)} calls`, ratio: o.calls / Math.max(1, t.calls), note: 'informational' },
    { benchmark: `${label} vs Ax: program runs, ours / Ax`, measured: `${o.programRuns.toFixed(0)}`, bound: `${t.programRuns.toFixed(0)}`, ratio: o.programRuns / Math.max(1, t.programRuns), note: 'informational: program runs while compiling, cached or not (what a metric-call budget bounds)' },
    { benchmark: `${label} vs Ax: tokens, ours / Ax`, measured: `${o.tokens.toFixed(0)}`, bound: `${t.tokens.toFixed(0)}`, ratio: o.tokens / Math.max(1, t.tokens), note: 'informational' },
  ];
}

export interface SideBySide {
  figures: Figure[];
  /** A markdown table: both libraries' zero-shot score first, then wall, calls, tokens, dev score. */
  table: string[];
}

/** Seeds for the GEPA match: one run is too noisy to compare two evolutionary searches. */
const GEPA_SEEDS = [0, 1, 2];
/** AxGEPA's default minibatch (and so its reflection's view): 20 examples. */
const AX_MINIBATCH = 20;

export async function axSideBySide(options: { latencyMs: number; concurrency: number; maxMetricCalls: number }): Promise<SideBySide> {
  const sim = await startSimProcess(['--latency-ms', String(options.latencyMs)]);
  try {
    const counter: SimCounter = {
      url: sim.url,
      counts: async () => {
        const s = await sim.stats();
        return { calls: Number(s.chatCompletions), tokens: Number(s.promptTokens) + Number(s.completionTokens) };
      },
    };
    const rows = generateClassification(120, 21);
    const data = { train: rows.slice(0, 60), dev: rows.slice(60) };
    const settings = { concurrency: options.concurrency, maxMetricCalls: options.maxMetricCalls };
    const budget = `${options.maxMetricCalls} metric calls`;
    const out: SideBySide = {
      figures: [],
      table: [
        `Same sim server (${options.latencyMs} ms latency), 60 train and 60 held-out dev tickets, temperature 0, field names \`ticketText\` → \`label\`. Our engine runs at concurrency ${options.concurrency}; Ax runs its optimizers as it chooses (its dev scoring uses ${options.concurrency} parallel calls). Wall, calls, metric calls and tokens cover the compile step only.`,
        '',
        'The sim reads both prompt layouts into one task model and answers AxGEPA\'s own meta programs (its `feedbackSummary` step and its instruction proposal) with the same reflection logic our GEPA\'s reflection prompt gets. Both programs start from the same instruction ("' + START_INSTRUCTION + '"); both GEPAs validate on the 60 train examples.',
        '',
        `GEPA rows are the mean of seeds ${GEPA_SEEDS.join(', ')} (each seed's dev score in brackets). Two of ours: at DSPy's default reflection minibatch of 3, and at AxGEPA's default of ${AX_MINIBATCH} — the matched setting, since the sim's reflection can only state what the examples it is shown reveal. AxGEPA checks its budget before each step only, so its last step and that step's validation can pass the budget; ours never does (the program runs column shows both). The first row gives ours, seed by seed, the budget Ax actually spent.`,
        '',
        '| optimizer | library | zero-shot dev | compile wall | LM calls | program runs | tokens | dev after |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ],
    };
    const bootstrap = [side([await runOurSide('bootstrap', counter, data, settings)]), side([await runAxSide('bootstrap', counter, data, settings)])] as const;
    out.table.push(row('BootstrapFewShot', 'Prompt Studio', bootstrap[0]), row('BootstrapFewShot', 'AxBootstrapFewShot', bootstrap[1]));
    out.figures.push(...figures('BootstrapFewShot', ...bootstrap));

    const seeded = async (run: (seed: number) => Promise<SideResult>) => {
      const runs: SideResult[] = [];
      for (const seed of GEPA_SEEDS) runs.push(await run(seed));
      return side(runs);
    };
    const axGepa = await seeded((seed) => runAxSide('gepa', counter, data, { ...settings, seed }));
    const axRuns = (seed: number) => axGepa.runs[GEPA_SEEDS.indexOf(seed)]?.programRuns ?? options.maxMetricCalls;
    const matched = { reflection_minibatch_size: AX_MINIBATCH };
    const oursSpent = await seeded((seed) => runOurSide('gepa', counter, data, { ...settings, seed, maxMetricCalls: axRuns(seed), gepa: matched }));
    const oursMatched = await seeded((seed) => runOurSide('gepa', counter, data, { ...settings, seed, gepa: matched }));
    const oursDefault = await seeded((seed) => runOurSide('gepa', counter, data, { ...settings, seed }));
    out.table.push(
      row(`GEPA, minibatch ${AX_MINIBATCH}, budget = Ax's program runs`, 'Prompt Studio', oursSpent),
      row(`GEPA (${budget}), minibatch ${AX_MINIBATCH}`, 'Prompt Studio', oursMatched),
      row(`GEPA (${budget}), minibatch 3 (DSPy's default)`, 'Prompt Studio', oursDefault),
      row(`GEPA (${budget}), minibatch ${AX_MINIBATCH} (its default)`, 'AxGEPA', axGepa),
    );
    out.figures.push(...figures(`GEPA (minibatch ${AX_MINIBATCH}, as many program runs as Ax made)`, oursSpent, axGepa));
    out.figures.push(...figures(`GEPA (${budget}, minibatch ${AX_MINIBATCH} on both sides)`, oursMatched, axGepa).slice(0, 2));
    out.figures.push(...figures(`GEPA (${budget}, each library's default minibatch: 3 vs 20)`, oursDefault, axGepa).slice(0, 2));
    return out;
  } finally {
    await sim.close();
  }
}
