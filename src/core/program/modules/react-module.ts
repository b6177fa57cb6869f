import { z } from 'zod';
import { isIdentifier, pyRepr, pyStringRepr } from '../../signature';
import { withReasoning } from './chain-of-thought';
import { FINISH, extractSignature, formatTrajectory, reactSignature, toolSchema } from './react-signatures';
import type { Tool } from './react-signatures';
import type { ModuleRun, ModuleType } from './types';
import { ModuleError } from './types';

export const reactConfig = z.object({
  tools: z.array(toolSchema).default([]).describe('The tools the agent may call. A `finish` tool is always added, as DSPy adds it.'),
  max_iters: z.number().int().min(1).max(100).default(20).describe('Most tool calls before the agent must answer (DSPy: 20).'),
  toolTimeoutMs: z.number().int().min(1).max(60_000).optional().describe('Time limit for one tool call in milliseconds (default 2000).'),
});

type ReactConfig = z.infer<typeof reactConfig>;

const QA = { inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] };

const toolsOf = (config: Record<string, unknown>): Tool[] => reactConfig.safeParse(config).data?.tools ?? [];

/** Runs one tool; every failure becomes the observation DSPy writes ("Execution error in …"). */
async function callTool(run: ModuleRun, config: ReactConfig, name: string, args: unknown): Promise<unknown> {
  const started = Date.now();
  const record = (result: unknown, error?: string) =>
    run.record({ action: { kind: 'tool', name, args, ...(error ? { error } : { result }), elapsedMs: Date.now() - started }, inputs: { name, args }, outputs: { observation: result } });
  const fail = (error: string) => {
    const observation = `Execution error in ${name}: ${error}`;
    record(observation, error);
    return observation;
  };
  const tool = config.tools.find((t) => t.name === name);
  const params = tool?.parameters ?? { type: 'object' as const, properties: {}, required: [] };
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return fail(`the arguments must be a JSON object, got ${JSON.stringify(args)}`);
  const given = args as Record<string, unknown>;
  const unknown = Object.keys(given).find((k) => !(k in params.properties));
  if (unknown) return fail(`Arg ${unknown} is not in the tool's args.`);
  const missing = (params.required ?? []).find((k) => !(k in given));
  if (missing) return fail(`missing required argument '${missing}'`);
  if (name === FINISH || !tool) {
    record('Completed.');
    return 'Completed.';
  }
  const runner = run.services.code;
  if (!runner) throw new ModuleError(`ReAct '${run.node.name}': tool '${name}' needs a code sandbox, and this run was given none`, run.node.id);
  const result = await runner.run({ code: tool.code, args: given, timeoutMs: config.toolTimeoutMs, label: `tool '${name}'`, signal: run.signal });
  run.signal?.throwIfAborted();
  if (!result.ok) return fail(result.error);
  record(result.value);
  return result.value;
}

/**
 * dspy.ReAct: a loop of `react` calls (thought, tool, JSON args), each tool's observation
 * appended to the trajectory, until `finish` or `max_iters`; then `extract` (a ChainOfThought)
 * writes the outputs from the trajectory. Tools are the user's JavaScript, run in the sandbox.
 */
export const reactModule = {
  id: 'ReAct',
  label: 'ReAct agent',
  description: 'Thinks, calls your tools and reads their results in a loop, then answers from what it found.',
  dspyClass: 'dspy.ReAct',
  configSchema: reactConfig,
  template: () => ({ signature: { ...QA, instructions: 'Answer the question.' }, config: { tools: [], max_iters: 20 } }),
  predictors: (node) => [
    { path: 'react', signature: reactSignature(node.signature, toolsOf(node.config)), separate: true },
    { path: 'extract.predict', signature: withReasoning(extractSignature(node.signature)) },
  ],
  ports: (node) => ({ inputs: node.signature.inputs, outputs: node.signature.outputs }),
  check(node) {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const tool of toolsOf(node.config)) {
      if (tool.name === FINISH) out.push("a tool may not be named 'finish': ReAct adds that one itself");
      else if (seen.has(tool.name)) out.push(`two tools are named '${tool.name}'`);
      seen.add(tool.name);
      for (const arg of Object.keys(tool.parameters.properties)) {
        if (!isIdentifier(arg)) out.push(`tool '${tool.name}': argument '${arg}' is not an identifier`);
      }
      if (!tool.code.trim()) out.push(`tool '${tool.name}' has no code`);
    }
    const reserved = ['trajectory', 'next_thought', 'next_tool_name', 'next_tool_args', 'reasoning'];
    for (const f of [...node.signature.inputs, ...node.signature.outputs]) {
      if (reserved.includes(f.name)) out.push(`field '${f.name}' is a name ReAct uses itself`);
    }
    return out;
  },
  async forward(run, inputs) {
    const parsed = reactConfig.safeParse(run.node.config);
    if (!parsed.success) throw new ModuleError(`ReAct '${run.node.name}': ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, run.node.id);
    const config = parsed.data;
    if (config.tools.length > 0 && !run.services.code) {
      throw new ModuleError(`ReAct '${run.node.name}': its tools need a code sandbox, and this run was given none`, run.node.id);
    }
    const trajectory: Record<string, unknown> = {};
    for (let idx = 0; idx < config.max_iters; idx++) {
      let pred: Record<string, unknown>;
      try {
        pred = await run.predict('react', { ...inputs, trajectory: formatTrajectory(trajectory) });
      } catch (error) {
        // DSPy ends the trajectory when the agent fails to pick a valid tool, and still extracts.
        if (error instanceof ModuleError) break;
        throw error;
      }
      const name = String(pred.next_tool_name);
      trajectory[`thought_${idx}`] = pred.next_thought;
      trajectory[`tool_name_${idx}`] = name;
      trajectory[`tool_args_${idx}`] = pred.next_tool_args;
      trajectory[`observation_${idx}`] = await callTool(run, config, name, pred.next_tool_args);
      if (name === FINISH) break;
    }
    const extract = await run.predict('extract.predict', { ...inputs, trajectory: formatTrajectory(trajectory) });
    return { ...extract, trajectory };
  },
  python(node, signatureClass) {
    const config = reactConfig.safeParse(node.config).data ?? { tools: [], max_iters: 20 };
    const fn = (t: Tool) => `${node.name}_${t.name}`;
    const preamble = config.tools.map((t) => {
      const params = Object.keys(t.parameters.properties);
      return [
        `def ${fn(t)}(${params.join(', ')}):`,
        `    # Port this tool from the studio's JavaScript; it is not translated automatically:`,
        ...t.code.split('\n').map((line) => `    #     ${line}`),
        `    raise NotImplementedError(${pyStringRepr(`tool '${t.name}' of '${node.name}' is JavaScript in Prompt Studio: port it to Python`)})`,
      ].join('\n');
    });
    const tools = config.tools.map((t) => `dspy.Tool(${fn(t)}, name=${pyStringRepr(t.name)}, desc=${pyStringRepr(t.description)}, args=${pyRepr(t.parameters.properties)})`);
    return { preamble, init: `dspy.ReAct(${signatureClass}, tools=[${tools.join(', ')}], max_iters=${config.max_iters})` };
  },
} as const satisfies ModuleType;
