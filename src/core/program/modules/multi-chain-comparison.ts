import { z } from 'zod';
import { pyStr } from '../../signature';
import type { Field, Signature } from '../../signature/types';
import type { ModuleNode } from '../types';
import { withReasoning } from './chain-of-thought';
import type { ModuleType } from './types';
import { ModuleError } from './types';

export const mccConfig = z.object({
  M: z.number().int().min(1).max(16).default(3).describe('How many reasoning attempts are compared (DSPy: 3).'),
});

const mOf = (node: ModuleNode) => mccConfig.safeParse(node.config).data?.M ?? 3;

/** DSPy's MultiChainComparison signature: the attempts appended to the inputs, `rationale` first among the outputs. */
export function comparisonSignature(signature: Signature, M: number): Signature {
  const attempts: Field[] = Array.from({ length: M }, (_, i) => ({ name: `reasoning_attempt_${i + 1}`, type: 'str', desc: '${reasoning attempt}' }));
  return {
    instructions: signature.instructions,
    inputs: [...signature.inputs, ...attempts],
    outputs: [{ name: 'rationale', type: 'str', desc: '${corrected reasoning}' }, ...signature.outputs],
  };
}

function prefixes(M: number): Record<string, string> {
  const out: Record<string, string> = { rationale: "Accurate Reasoning: Thank you everyone. Let's now holistically" };
  for (let i = 1; i <= M; i++) out[`reasoning_attempt_${i}`] = `Student Attempt #${i}:`;
  return out;
}

const firstLine = (value: unknown) => pyStr(value).trim().split('\n')[0]?.trim() ?? '';

/**
 * dspy.MultiChainComparison. In DSPy the module is handed `completions` (usually from a
 * ChainOfThought called with n=M); here the node makes them itself with one ad-hoc
 * ChainOfThought call (n=M) that is traced but holds no state, and the Python export writes that
 * same inline call — so `named_predictors()` is `<name>.predict` on both sides.
 */
export const multiChainComparisonModule = {
  id: 'MultiChainComparison',
  label: 'Multi-Chain Comparison',
  description: 'Drafts M chains of reasoning in one call, then compares them and writes one corrected answer.',
  dspyClass: 'dspy.MultiChainComparison',
  configSchema: mccConfig,
  template: () => ({ signature: { instructions: 'Answer the question.', inputs: [{ name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] }, config: { M: 3 } }),
  predictors: (node) => {
    const M = mOf(node);
    return [{ path: 'predict', signature: comparisonSignature(node.signature, M), prefixes: prefixes(M) }];
  },
  ports: (node) => ({ inputs: node.signature.inputs, outputs: [{ name: 'rationale', type: 'str' }, ...node.signature.outputs] }),
  check(node) {
    const taken = (f: Field) => f.name === 'rationale' || f.name === 'reasoning' || /^reasoning_attempt_\d+$/.test(f.name);
    return [...node.signature.inputs, ...node.signature.outputs].filter(taken).map((f) => `field '${f.name}' is a name MultiChainComparison uses itself`);
  },
  async forward(run, inputs) {
    const { node } = run;
    const M = mOf(node);
    const completions = await run.predictAdHoc(`${node.name} (attempts)`, withReasoning(node.signature), inputs, { n: M, temperature: 0.7 });
    const lastKey = node.signature.outputs.at(-1)?.name ?? '';
    if (completions.length !== M) {
      throw new ModuleError(`MultiChainComparison '${node.name}': asked the LM for ${M} attempts (n=${M}) and got ${completions.length}; the provider may not support n`, node.id);
    }
    const attempts: Record<string, string> = {};
    completions.forEach((c, i) => {
      attempts[`reasoning_attempt_${i + 1}`] = `«I'm trying to ${firstLine(c.rationale ?? c.reasoning)} I'm not sure but my prediction is ${firstLine(c[lastKey])}»`;
    });
    const temperature = typeof node.config.temperature === 'number' ? node.config.temperature : 0.7;
    return run.predict('predict', { ...attempts, ...inputs }, { temperature });
  },
  python(node, signatureClass) {
    const M = mOf(node);
    return {
      init: `dspy.MultiChainComparison(${signatureClass}, M=${M})`,
      call: (args) => {
        const kw = args.map((a) => `${a.field}=${a.value}`).join(', ');
        return `self.${node.name}(completions=dspy.ChainOfThought(${signatureClass})(${kw}${kw ? ', ' : ''}config=dict(n=${M})).completions${kw ? `, ${kw}` : ''})`;
      },
    };
  },
} as const satisfies ModuleType;
