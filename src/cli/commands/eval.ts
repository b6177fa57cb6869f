import { evaluate } from '../../core/evaluate/evaluate';
import { getMetric, listMetrics } from '../../core/evaluate/metrics/registry';
import { compileProgram } from '../../core/program/execute';
import { programState } from '../../core/program/state';
import { parseFlags, requireFlag, UsageError } from '../args';
import type { Io } from '../io';
import { loadExamples } from '../data';
import { lmFlagSpec, lmFromFlags } from '../lm';
import { loadProgram, programFlagSpec } from '../program';
import { codeFlagSpec, codeSetup } from '../code-services';
import { CORPUS_USAGE, corpusFlagSpec, corpusServices, loadCorpora } from '../corpora';
import { cliEmbeddings } from '../corpus-embeddings';

export const evalHelp = `prompt-studio eval --signature "…" | --project FILE --data FILE --metric NAME
    --base-url URL --model M [--api-key KEY (or OPENAI_API_KEY)] [--concurrency 8] [--max-errors 10]
    [--cache-dir .prompt-studio-cache | --no-cache] [--metric-code FILE (for --metric custom)]
    ${CORPUS_USAGE}
  Evaluates the program on every row of the data file; prints progress, then the score.`;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, { ...programFlagSpec, ...lmFlagSpec, ...codeFlagSpec, ...corpusFlagSpec, data: { type: 'string' }, metric: { type: 'string' }, 'max-errors': { type: 'string' } });
  const metricId = requireFlag(flags.metric, 'metric', listMetrics().map((m) => m.id).join(', '));
  const metric = getMetric(metricId);
  if (!metric) throw new UsageError(`unknown metric '${metricId}' (known: ${listMetrics().map((m) => m.id).join(', ')})`);
  const { graph, project } = await loadProgram(flags, io);
  const code = await codeSetup(flags, io, graph, project, metricId);
  const services = { ...code.services, ...corpusServices(await loadCorpora(io, flags.corpus, project), cliEmbeddings(flags, io)) };
  const dataPath = requireFlag(flags.data, 'data', 'a CSV, JSON or JSONL file');
  const { examples, fields, inputKeys } = await loadExamples(io, dataPath, graph);

  const { lm, meter, concurrency } = lmFromFlags(flags, io);
  const program = compileProgram(graph);
  const state = programState(graph);
  const pick = (data: Record<string, unknown>) => Object.fromEntries(inputKeys.map((k) => [k, data[k]]));
  let lastReport = 0;
  const result = await evaluate((example, signal) => program.run(state, pick(example.data), { lm, signal, services }), examples, metric, {
    fields,
    concurrency,
    maxErrors: flags['max-errors'] === undefined ? undefined : Number(flags['max-errors']),
    metricContext: { lm, code: code.services.code, config: code.metricConfig },
    onProgress: (p) => {
      const now = Date.now();
      if (p.done === p.total || now - lastReport > 1000) {
        lastReport = now;
        io.err(`eval: ${p.done}/${p.total} done, ${p.errors} errors, mean so far ${(100 * p.meanSoFar).toFixed(1)}%`);
      }
    },
  });
  await code.close();
  const totals = meter.totals();
  io.err(`eval: ${totals.calls} LM calls (${totals.cachedCalls} from cache), ${totals.spent.totalTokens} tokens spent${totals.spent.cost === undefined ? '' : `, $${totals.spent.cost.toFixed(4)}`}`);
  if (result.stopped) io.err(`eval: stopped early (${result.stopped}) after ${result.results.length} of ${examples.length} examples`);
  io.out(`score: ${result.percent.toFixed(2)}% on ${result.results.length} examples (${result.errors} errors) — metric ${metric.id}`);
  return result.stopped ? 1 : 0;
}
