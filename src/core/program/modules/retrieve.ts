import { z } from 'zod';
import type { ModuleType } from './types';
import { ModuleError } from './types';

export const retrieveConfig = z.object({
  corpusId: z.string({ error: 'corpusId is not set: choose a corpus' }).min(1, 'corpusId is not set: choose a corpus').describe('The corpus to search (uploaded in the Data tab).'),
  k: z.number().int().min(1, 'k must be ≥ 1').default(3).describe('How many passages to return, best first.'),
  search: z.enum(['bm25', 'embedding'], { error: "search must be 'bm25' or 'embedding'" }).default('bm25').describe("bm25: word matching, no LM provider needed. embedding: cosine similarity of the provider's embeddings (passage vectors are cached)."),
  embeddingModel: z.string().trim().min(1, 'embeddingModel is empty: name a model or leave it unset').optional().describe('The embeddings model for embedding search, e.g. text-embedding-3-small. Unset: the host\'s default.'),
});

/** How the studio searched, for the exported Python's comment. */
function searchedWith(config: Record<string, unknown>): string {
  if (config.search !== 'embedding') return 'with BM25';
  const model = typeof config.embeddingModel === 'string' && config.embeddingModel.trim() !== '' ? ` of ${JSON.stringify(config.embeddingModel.trim())}` : '';
  return `by cosine similarity of embeddings${model}`;
}

/**
 * dspy.Retrieve: a search, not an LM call. Its one input is the query, its one output the
 * passages (`list[str]`). No predictors; in DSPy's saved JSON it is a parameter holding `{k}`.
 */
export const retrieveModule = {
  id: 'Retrieve',
  label: 'Retrieve',
  description: "Searches a corpus with the query (BM25, or the provider's embeddings) and returns the k best passages. No LM call.",
  dspyClass: 'dspy.Retrieve',
  configSchema: retrieveConfig,
  template: () => ({ signature: { instructions: '', inputs: [{ name: 'query', type: 'str' }], outputs: [{ name: 'passages', type: 'list[str]' }] }, config: { corpusId: '', k: 3 } }),
  predictors: () => [],
  ports: (node) => ({ inputs: node.signature.inputs, outputs: node.signature.outputs }),
  check(node) {
    const out: string[] = [];
    if (node.signature.inputs.length !== 1) out.push(`needs exactly one input field, the query (has ${node.signature.inputs.length})`);
    const outputs = node.signature.outputs;
    if (outputs.length !== 1 || outputs[0]?.type.replace(/\s+/g, '') !== 'list[str]') out.push('needs exactly one output field, of type list[str] (the passages)');
    return out;
  },
  dspyState: (node) => ({ k: retrieveConfig.shape.k.safeParse(node.config.k).data ?? node.config.k }),
  python(node) {
    const out = node.signature.outputs[0]?.name ?? 'passages';
    return {
      signature: false,
      preamble: [`# '${node.name}' is a dspy.Retrieve: configure a retrieval model first, e.g. dspy.configure(rm=...), with the\n# passages of corpus ${JSON.stringify(String(node.config.corpusId ?? ''))} (the studio searched them ${searchedWith(node.config)}).`],
      init: `dspy.Retrieve(k=${retrieveConfig.shape.k.safeParse(node.config.k).data ?? 3})`,
      call: (args) => {
        const search = `self.${node.name}(${args[0]?.value ?? '""'})`;
        return out === 'passages' ? search : `dspy.Prediction(${out}=${search}.passages)`;
      },
    };
  },
  async forward(run, inputs) {
    const { node } = run;
    const where = `Retrieve '${node.name}'`;
    const config = retrieveConfig.safeParse(node.config);
    if (!config.success) throw new ModuleError(`${where}: ${config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, node.id);
    const queryField = node.signature.inputs[0]?.name ?? 'query';
    const outputField = node.signature.outputs[0]?.name ?? 'passages';
    const query = String(inputs[queryField] ?? '');
    const lookup = run.services.retriever;
    if (!lookup) throw new ModuleError(`${where} needs a retriever, and this run was given none`, node.id);
    const { corpusId, search, embeddingModel } = config.data;
    let retriever;
    try {
      retriever = await lookup(corpusId, embeddingModel === undefined ? { search } : { search, embeddingModel });
    } catch (error) {
      throw new ModuleError(`${where}: ${error instanceof Error ? error.message : String(error)}`, node.id);
    }
    if (!retriever) throw new ModuleError(`${where}: no corpus '${config.data.corpusId}' is available to this run`, node.id);
    let passages;
    try {
      passages = await retriever.search(query, config.data.k, run.signal);
    } catch (error) {
      run.signal?.throwIfAborted();
      throw new ModuleError(`${where}: the search failed: ${error instanceof Error ? error.message : String(error)}`, node.id);
    }
    const texts = passages.map((p) => p.text);
    run.record({ action: { kind: 'retrieve', query, passages }, inputs: { [queryField]: query }, outputs: { [outputField]: texts } });
    return { [outputField]: texts };
  },
} as const satisfies ModuleType;
