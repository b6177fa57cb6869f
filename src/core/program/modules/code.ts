import { z } from 'zod';
import { coerceValue } from '../../signature/coerce';
import type { ModuleType } from './types';
import { ModuleError } from './types';

export const codeConfig = z.object({
  code: z.string().min(1, 'write the code').describe(
    'The body of an async JavaScript function. Each input field is a parameter; return an object with the output fields, e.g. `return { cleaned: text.trim() }`. Runs in a sandbox without network.',
  ),
  timeoutMs: z.number().int().min(1).max(60_000).optional().describe('Time limit for one run in milliseconds (default 2000).'),
});

/**
 * A step written in JavaScript: no LM call and no predictors. Its typed ports are its signature.
 * DSPy has no such module; the Python export writes a method for it to port by hand.
 */
export const codeModule = {
  id: 'Code',
  label: 'Code',
  description: 'Runs your JavaScript on the input fields and returns the output fields. No LM call.',
  dspyClass: 'Code',
  configSchema: codeConfig,
  template: () => ({
    signature: { instructions: '', inputs: [{ name: 'text', type: 'str' }], outputs: [{ name: 'cleaned', type: 'str' }] },
    config: { code: 'return { cleaned: text.trim() };' },
  }),
  predictors: () => [],
  ports: (node) => ({ inputs: node.signature.inputs, outputs: node.signature.outputs }),
  python(node) {
    const code = codeConfig.safeParse(node.config).data?.code ?? '';
    const params = node.signature.inputs.map((f) => f.name);
    return {
      signature: false,
      methods: [
        [
          `def ${node.name}(self${params.map((p) => `, ${p}`).join('')}):`,
          `    # A Code node in Prompt Studio; port its JavaScript to Python and return dspy.Prediction(${node.signature.outputs.map((f) => `${f.name}=...`).join(', ')}):`,
          ...code.split('\n').map((line) => `    #     ${line}`),
          `    raise NotImplementedError(${JSON.stringify(`code node '${node.name}' is JavaScript in Prompt Studio: port it to Python`)})`,
        ].join('\n'),
      ],
      call: (args) => `self.${node.name}(${args.map((a) => `${a.field}=${a.value}`).join(', ')})`,
    };
  },
  async forward(run, inputs) {
    const { node } = run;
    const where = `code node '${node.name}'`;
    const config = codeConfig.safeParse(node.config);
    if (!config.success) throw new ModuleError(`Code '${node.name}': ${config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, node.id);
    const runner = run.services.code;
    if (!runner) throw new ModuleError(`${where} needs a code sandbox, and this run was given none`, node.id);
    const started = Date.now();
    const result = await runner.run({ code: config.data.code, args: inputs, timeoutMs: config.data.timeoutMs, label: where, signal: run.signal });
    const elapsedMs = Date.now() - started;
    run.signal?.throwIfAborted();
    if (!result.ok) {
      run.record({ action: { kind: 'code', error: result.error, elapsedMs }, inputs, error: result.error });
      throw new ModuleError(result.error, node.id);
    }
    const fail = (message: string): never => {
      run.record({ action: { kind: 'code', result: result.value, error: message, elapsedMs }, inputs, error: message });
      throw new ModuleError(`${where}: ${message}`, node.id);
    };
    const value = result.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(`must return an object with ${node.signature.outputs.map((f) => `'${f.name}'`).join(', ')}, but returned ${JSON.stringify(value) ?? String(value)}`);
    }
    const outputs: Record<string, unknown> = {};
    for (const field of node.signature.outputs) {
      if (!(field.name in value)) fail(`returned no '${field.name}'`);
      const coerced = coerceValue((value as Record<string, unknown>)[field.name], field.type, field.name);
      if (!coerced.ok) fail(coerced.message);
      else outputs[field.name] = coerced.value;
    }
    run.record({ action: { kind: 'code', result: value, elapsedMs }, inputs, outputs });
    return outputs;
  },
} as const satisfies ModuleType;
