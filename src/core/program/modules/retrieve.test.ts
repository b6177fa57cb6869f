import { describe, expect, it } from 'vitest';
import { exportDspyJson, importDspyJson } from '../../formats/dspy-json';
import { exportDspyPython } from '../../formats/dspy-python';
import { createBm25Retriever } from '../../retrieve/bm25';
import { execute } from '../execute';
import { namedPredictors, programState } from '../state';
import type { ModuleNode, ProgramGraph } from '../types';
import { validateGraph } from '../validate';
import { lastUser, simLM } from './test-support/sim-lm';

const corpus = createBm25Retriever([
  { id: 'f1', text: 'Paris is the capital of France.' },
  { id: 'f2', text: 'Tokyo is the capital of Japan.' },
  { id: 'f3', text: 'Bananas are rich in potassium.' },
]);
const services = { retriever: (id: string) => (id === 'facts' ? corpus : undefined) };

function search(config: Record<string, unknown> = { corpusId: 'facts', k: 2 }): ModuleNode {
  return { id: 's', type: 'Retrieve', name: 'search', config, signature: { instructions: '', inputs: [{ name: 'query', type: 'str' }], outputs: [{ name: 'passages', type: 'list[str]' }] } };
}

/** question → search → answer (a ChainOfThought reading the passages as context). */
function rag(node = search()): ProgramGraph {
  return {
    nodes: [
      { id: 'in', type: 'Input', fields: [{ name: 'question', type: 'str' }] },
      node,
      { id: 'qa', type: 'ChainOfThought', name: 'answer', config: {}, signature: { instructions: 'Answer from the context.', inputs: [{ name: 'context', type: 'list[str]' }, { name: 'question', type: 'str' }], outputs: [{ name: 'answer', type: 'str' }] } },
      { id: 'out', type: 'Output', fields: [{ name: 'answer', type: 'str' }] },
    ],
    edges: [
      { id: 'e1', source: 'in', sourceField: 'question', target: 's', targetField: 'query' },
      { id: 'e2', source: 's', sourceField: 'passages', target: 'qa', targetField: 'context' },
      { id: 'e3', source: 'in', sourceField: 'question', target: 'qa', targetField: 'question' },
      { id: 'e4', source: 'qa', sourceField: 'answer', target: 'out', targetField: 'answer' },
    ],
  };
}

describe('Retrieve', () => {
  it('has no predictors; DSPy saves it as a parameter holding k', () => {
    const graph = rag();
    expect(namedPredictors(graph).map((p) => p.name)).toEqual(['answer.predict']);
    const json = JSON.parse(exportDspyJson(graph, programState(graph))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['search', 'answer.predict', 'metadata']);
    expect(json.search).toEqual({ k: 2 });
  });

  it('feeds the k best passages to the next module and records the retrieval', async () => {
    const lm = simLM();
    const graph = rag();
    const prediction = await execute(graph, programState(graph), { question: 'What is the capital of Japan?' }, { lm, services });
    expect(prediction.error).toBeUndefined();
    const step = prediction.trace[0];
    expect(step?.action?.kind).toBe('retrieve');
    if (step?.action?.kind !== 'retrieve') return;
    expect(step.action.query).toBe('What is the capital of Japan?');
    expect(step.action.passages.map((p) => p.id)).toEqual(['f2', 'f1']);
    expect(step.outputs.passages).toEqual(['Tokyo is the capital of Japan.', 'Paris is the capital of France.']);
    expect(lastUser(lm.requests[0]!)).toContain('[[ ## context ## ]]\n["Tokyo is the capital of Japan.", "Paris is the capital of France."]');
  });

  it('fails the example naming the missing retriever or corpus', async () => {
    const graph = rag();
    const none = await execute(graph, programState(graph), { question: 'q' }, { lm: simLM() });
    expect(none.error).toBe("Retrieve 'search' needs a retriever, and this run was given none");
    const other = rag(search({ corpusId: 'wiki', k: 2 }));
    const missing = await execute(other, programState(other), { question: 'q' }, { lm: simLM(), services });
    expect(missing.error).toBe("Retrieve 'search': no corpus 'wiki' is available to this run");
  });

  it('reports bad settings naming the node and the setting', () => {
    const messages = (config: Record<string, unknown>) => validateGraph(rag(search(config))).map((p) => p.message);
    expect(messages({ corpusId: 'facts', k: 0 })).toEqual(["Retrieve 'search': k must be ≥ 1"]);
    expect(messages({ k: 3 })).toEqual(["Retrieve 'search': corpusId is not set: choose a corpus"]);
  });

  it('round-trips its state through DSPy JSON and warns when the file holds another k', () => {
    const graph = rag();
    const text = exportDspyJson(graph, programState(graph));
    const back = importDspyJson(graph, text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.warnings).toEqual([]);
    expect(exportDspyJson(graph, back.state)).toBe(text);
    const five = importDspyJson(graph, text.replace('"k": 2', '"k": 5'));
    expect(five.ok && five.warnings).toEqual(["'search'.k is 5 in the file; the node keeps 2 (change it in the inspector)"]);
  });
});

describe('Retrieve search modes', () => {
  const embeddingNode = () => search({ corpusId: 'facts', k: 2, search: 'embedding', embeddingModel: 'emb-small' });

  it('asks the host for the node\'s mode (BM25 by default) and model', async () => {
    const asked: unknown[] = [];
    const recording = { retriever: (id: string, options?: unknown) => (asked.push(options), id === 'facts' ? corpus : undefined) };
    for (const graph of [rag(), rag(embeddingNode())]) await execute(graph, programState(graph), { question: 'Japan' }, { lm: simLM(), services: recording });
    expect(asked).toEqual([{ search: 'bm25' }, { search: 'embedding', embeddingModel: 'emb-small' }]);
  });

  it('reports a host that cannot search that way, and a bad mode, naming the node', async () => {
    const graph = rag(embeddingNode());
    const refusing = { retriever: () => { throw new Error('embedding search needs an embeddings endpoint'); } };
    const failed = await execute(graph, programState(graph), { question: 'q' }, { lm: simLM(), services: refusing });
    expect(failed.error).toBe("Retrieve 'search': embedding search needs an embeddings endpoint");
    expect(validateGraph(rag(search({ corpusId: 'facts', search: 'vector' }))).map((p) => p.message)).toEqual(["Retrieve 'search': search must be 'bm25' or 'embedding'"]);
  });

  it('keeps the mode out of DSPy JSON: the same {k} as a BM25 node, and it imports back cleanly', () => {
    const graph = rag(embeddingNode());
    const text = exportDspyJson(graph, programState(graph));
    expect(text).toBe(exportDspyJson(rag(), programState(rag())));
    expect((JSON.parse(text) as Record<string, unknown>).search).toEqual({ k: 2 });
    const back = importDspyJson(graph, text);
    expect(back.ok && back.warnings).toEqual([]);
    const python = exportDspyPython(graph);
    expect(python).toContain('self.search = dspy.Retrieve(k=2)');
    expect(python).toContain('(the studio searched them by cosine similarity of embeddings of "emb-small")');
  });
});
