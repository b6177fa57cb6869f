import { importDspyJson } from '../../core/formats/dspy-json';
import { namedPredictors, programState } from '../../core/program/state';
import { chatAdapter } from '../../core/adapters';
import type { Demo } from '../../core/signature/types';
import { jsonFlag, parseFlags, requireFlag, UsageError } from '../args';
import type { Io } from '../io';
import { loadProgram, programFlagSpec, readJsonFile } from '../program';

export const inspectHelp = `prompt-studio inspect --signature "question -> answer" | --project FILE [--module Predict|ChainOfThought]
    [--instructions "…"] [--demos demos.json] [--program compiled.json] [--predictor NAME] --inputs '{"question": "…"}'
  Prints, as JSON, the exact messages DSPy's ChatAdapter would send for these inputs.`;

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, {
    ...programFlagSpec,
    demos: { type: 'string' },
    program: { type: 'string' },
    predictor: { type: 'string' },
    inputs: { type: 'string' },
  });
  const inputs = jsonFlag(requireFlag(flags.inputs, 'inputs', `a JSON object such as '{"question": "…"}'`), 'inputs');
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw new UsageError('--inputs must be a JSON object');
  let demos: Demo[] = [];
  if (flags.demos) {
    const parsed = await readJsonFile(io, flags.demos, 'demos file');
    if (!Array.isArray(parsed) || !parsed.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d))) {
      throw new Error(`demos file ${flags.demos} must be a JSON array of objects (one demo record each)`);
    }
    demos = parsed as Demo[];
  }
  const { graph } = await loadProgram(flags, io, demos);
  let state = programState(graph);
  if (flags.program) {
    const text = new TextDecoder().decode(await io.readFile(flags.program));
    const imported = importDspyJson(graph, text);
    if (!imported.ok) throw new Error(`${flags.program}: ${imported.error}`);
    for (const warning of imported.warnings) io.err(`inspect: ${flags.program}: ${warning}`);
    state = imported.state;
  }
  const predictors = namedPredictors(graph);
  const chosen = flags.predictor ? predictors.find((p) => p.name === flags.predictor) : predictors[0];
  if (!chosen) throw new UsageError(`no predictor named '${flags.predictor}' (the program has: ${predictors.map((p) => p.name).join(', ')})`);
  const predictor = state[chosen.name];
  if (!predictor) throw new Error(`no state for predictor '${chosen.name}'`);
  const messages = chatAdapter.format(predictor.signature, predictor.demos, inputs as Record<string, unknown>);
  io.out(JSON.stringify({ predictor: chosen.name, messages }, null, 2));
  return 0;
}
