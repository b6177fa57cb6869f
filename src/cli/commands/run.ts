import { importDspyJson } from '../../core/formats/dspy-json';
import { execute } from '../../core/program/execute';
import { programState } from '../../core/program/state';
import { jsonFlag, parseFlags, requireFlag, UsageError } from '../args';
import type { Io } from '../io';
import { lmFlagSpec, lmFromFlags } from '../lm';
import { loadProgram, programFlagSpec } from '../program';
import { codeSetup } from '../code-services';
import { CORPUS_USAGE, corpusFlagSpec, corpusServices, loadCorpora } from '../corpora';
import { cliEmbeddings } from '../corpus-embeddings';

export const runHelp = `prompt-studio run --signature "…" | --project FILE [--program compiled.json] --inputs '{…}'
    --base-url URL --model M [--api-key KEY] [--cache-dir DIR | --no-cache]
    ${CORPUS_USAGE}
  Runs the program once (with a compiled program's instructions and demos, when given) and
  prints its outputs and the trace as JSON. A DSPy JSON file holds state, not structure: pass
  the signature or project the program was compiled from.`;

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, { ...programFlagSpec, ...lmFlagSpec, ...corpusFlagSpec, program: { type: 'string' }, inputs: { type: 'string' } });
  const inputs = jsonFlag(requireFlag(flags.inputs, 'inputs', `a JSON object such as '{"question": "…"}'`), 'inputs');
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw new UsageError('--inputs must be a JSON object');
  const { graph, project } = await loadProgram(flags, io);
  let state = programState(graph);
  if (flags.program) {
    const imported = importDspyJson(graph, new TextDecoder().decode(await io.readFile(flags.program)));
    if (!imported.ok) throw new Error(`${flags.program}: ${imported.error}`);
    for (const warning of imported.warnings) io.err(`run: ${flags.program}: ${warning}`);
    state = imported.state;
  }
  const { lm } = lmFromFlags(flags, io);
  const code = await codeSetup({}, io, graph, project);
  const services = { ...code.services, ...corpusServices(await loadCorpora(io, flags.corpus, project), cliEmbeddings(flags, io)) };
  const prediction = await execute(graph, state, inputs as Record<string, unknown>, { lm, signal: io.stopSignal(), services }).finally(() => code.close());
  io.out(JSON.stringify({ outputs: prediction.outputs, error: prediction.error, usage: prediction.usage, trace: prediction.trace }, null, 2));
  return prediction.error ? 1 : 0;
}
