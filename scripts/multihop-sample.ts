// The multi-hop RAG sample: a two-hop program (query → Retrieve → follow-up query → Retrieve →
// answer) over a generated corpus the project file bundles. Used by make-samples.ts.
import { splitDataset } from '../src/core/data/split';
import type { Dataset } from '../src/core/data/types';
import type { Corpus } from '../src/core/formats/corpus';
import type { ProjectFile } from '../src/core/formats/project';
import type { GraphEdge, GraphNode, ModuleNode, ProgramGraph } from '../src/core/program/types';
import { parseSignature } from '../src/core/signature';
import { generateMultihopWorld, multihopRows } from '../src/sim';

export const MULTIHOP_CORPUS_ID = 'multihop-world';
const WORLD_SIZE = 90;
const WORLD_SEED = 7;

function moduleNode(id: string, type: string, name: string, signature: string, instructions: string | undefined, x: number, config: ModuleNode['config'] = {}): ModuleNode {
  return { id, type, name, signature: parseSignature(signature, instructions), demos: [], config, position: { x, y: 0 } };
}

const edge = (source: string, sourceField: string, target: string, targetField: string): GraphEdge => ({
  id: `${source}.${sourceField}->${target}.${targetField}`,
  source,
  sourceField,
  target,
  targetField,
});

/** Input → generate_query → retrieve → follow_up → retrieve_more → answer_question → Output. */
export function multihopGraph(): ProgramGraph {
  const retrieve = { corpusId: MULTIHOP_CORPUS_ID, k: 3 };
  const nodes: GraphNode[] = [
    { id: 'input', type: 'Input', fields: [{ name: 'question', type: 'str' }], position: { x: 0, y: 0 } },
    moduleNode('m1', 'Predict', 'generate_query', 'question -> query', 'Write a search query that will find passages to answer the question.', 240),
    moduleNode('m2', 'Retrieve', 'retrieve', 'query -> passages: list[str]', undefined, 480, retrieve),
    moduleNode('m3', 'ChainOfThought', 'follow_up', 'question, passages: list[str] -> query', 'Read the passages and write the next search query for the question.', 720),
    moduleNode('m4', 'Retrieve', 'retrieve_more', 'query -> passages: list[str]', undefined, 960, retrieve),
    moduleNode('m5', 'ChainOfThought', 'answer_question', 'question, passages: list[str], more_passages: list[str] -> answer', 'Answer the question with the name of a city, using the passages.', 1200),
    { id: 'output', type: 'Output', fields: [{ name: 'answer', type: 'str' }], position: { x: 1440, y: 0 } },
  ];
  const edges = [
    edge('input', 'question', 'm1', 'question'),
    edge('m1', 'query', 'm2', 'query'),
    edge('input', 'question', 'm3', 'question'),
    edge('m2', 'passages', 'm3', 'passages'),
    edge('m3', 'query', 'm4', 'query'),
    edge('input', 'question', 'm5', 'question'),
    edge('m2', 'passages', 'm5', 'passages'),
    edge('m4', 'passages', 'm5', 'more_passages'),
    edge('m5', 'answer', 'output', 'answer'),
  ];
  return { nodes, edges };
}

/** The sample's world: its corpus and question rows (train rows first, then dev rows). */
export function multihopData(): { corpus: Corpus; rows: { question: string; answer: string }[] } {
  const world = generateMultihopWorld(WORLD_SIZE, WORLD_SEED);
  const corpus: Corpus = { id: MULTIHOP_CORPUS_ID, name: 'Multi-hop world', passages: world.passages.map((p) => ({ ...p })) };
  return { corpus, rows: multihopRows(world) };
}

export function multihopProject(): Omit<ProjectFile, 'format' | 'version'> {
  const { corpus, rows } = multihopData();
  const examples = rows.map((data, i) => ({ id: `row-${i + 1}`, data: { ...data } }));
  const dataset: Dataset = {
    id: 'multihop-questions',
    name: 'multihop-questions.jsonl',
    fields: [
      { name: 'question', type: 'str' },
      { name: 'answer', type: 'str' },
    ],
    inputKeys: ['question'],
    rows: splitDataset(examples, { train: 0.4, dev: 0.6, test: 0 }, 1),
  };
  return { name: 'Multi-hop questions (RAG)', graph: multihopGraph(), datasets: [dataset], corpora: [corpus], settings: { metric: 'exact-match', provider: 'demo', seed: 0 } };
}
