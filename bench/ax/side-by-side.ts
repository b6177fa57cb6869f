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

function row(label: string, lib: string, r: SideResult): string {
  return `| ${label} | ${lib} | ${pct(r.zeroShot)} | ${r.wallMs.toFixed(0)} ms | ${r.calls} | ${r.tokens} | ${pct(r.optimized)} |`;
}

function figures(label: string, ours: SideResult, theirs: SideResult): Figure[] {
  return [
    { benchmark: `${label} vs Ax: compile wall, ours / Ax`, measured: `${ours.wallMs.toFixed(0)} ms`, bound: `${theirs.wallMs.toFixed(0)} ms`, ratio: ours.wallMs / theirs.wallMs, budget: 1 },
    {
      benchmark: `${label} vs Ax: dev score, Ax − ours (points)`,
      measured: pct(ours.optimized),
      bound: pct(theirs.optimized),
      ratio: (theirs.optimized - ours.optimized) * 100,
      budget: 0,
      note: `zero-shot: ours ${pct(ours.zeroShot)}, Ax ${pct(theirs.zeroShot)}`,
    },
    { benchmark: `${label} vs Ax: LM calls, ours / Ax`, measured: `${ours.calls} calls`, bound: `${theirs.calls} calls`, ratio: ours.calls / Math.max(1, theirs.calls), note: 'informational' },
    { benchmark: `${label} vs Ax: tokens, ours / Ax`, measured: `${ours.tokens}`, bound: `${theirs.tokens}`, ratio: ours.tokens / Math.max(1, theirs.tokens), note: 'informational' },
  ];
}

export interface SideBySide {
  figures: Figure[];
  /** A markdown table: both libraries' zero-shot score first, then wall, calls, tokens, dev score. */
  table: string[];
}

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
    const out: SideBySide = {
      figures: [],
      table: [
        `Same sim server (${options.latencyMs} ms latency), 60 train and 60 held-out dev tickets, temperature 0, field names \`ticketText\` → \`label\`. Our engine runs at concurrency ${options.concurrency}; Ax runs its optimizers as it chooses (its dev scoring uses ${options.concurrency} parallel calls). Wall, calls and tokens cover the compile step only.`,
        '',
        'The sim reads both prompt layouts into one task model and answers AxGEPA\'s own meta programs (its `feedbackSummary` step and its instruction proposal) with the same reflection logic our GEPA\'s reflection prompt gets. Both programs start from the same instruction ("' + START_INSTRUCTION + '").',
        '',
        '| optimizer | library | zero-shot dev | compile wall | LM calls | tokens | dev after |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      ],
    };
    const pairs: [string, 'bootstrap' | 'gepa', string][] = [
      ['BootstrapFewShot', 'bootstrap', 'AxBootstrapFewShot'],
      [`GEPA (${options.maxMetricCalls} metric calls)`, 'gepa', 'AxGEPA'],
    ];
    for (const [label, kind, axName] of pairs) {
      const ours = await runOurSide(kind, counter, data, settings);
      const theirs = await runAxSide(kind, counter, data, settings);
      out.table.push(row(label, 'Prompt Studio', ours), row(label, axName, theirs));
      out.figures.push(...figures(label, ours, theirs));
    }
    return out;
  } finally {
    await sim.close();
  }
}
