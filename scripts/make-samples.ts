// Writes the sample projects in public/samples from the simulator's data generators.
// Run with: npx tsx scripts/make-samples.ts (the outputs are committed).
import { writeFileSync } from 'node:fs';
import { splitDataset } from '../src/core/data/split';
import type { Dataset } from '../src/core/data/types';
import { saveProject } from '../src/core/formats/project';
import { graphFromSignature } from '../src/core/program/build';
import { parseSignature } from '../src/core/signature';
import { generateArithmetic, generateClassification, SUPPORT_LABELS } from '../src/sim';
import { multihopProject } from './multihop-sample';

function dataset(id: string, name: string, rows: Record<string, unknown>[], fields: Dataset['fields'], inputKeys: string[]): Dataset {
  const examples = rows.map((data, i) => ({ id: `row-${i + 1}`, data }));
  return { id, name, fields, inputKeys, rows: splitDataset(examples, { train: 0.5, dev: 0.5, test: 0 }, 1) };
}

const add = parseSignature('a: int, b: int -> sum: int');
writeFileSync(
  'public/samples/add-two-numbers.json',
  saveProject({
    name: 'Add two numbers',
    graph: graphFromSignature(add, { name: 'add' }),
    datasets: [dataset('add-data', 'additions.csv', generateArithmetic(60, 11) as unknown as Record<string, unknown>[], [...add.inputs, ...add.outputs], ['a', 'b'])],
    settings: { metric: 'exact-match', provider: 'demo', seed: 0 },
  }),
);

const labels = SUPPORT_LABELS.map((l) => `'${l}'`).join(', ');
const classify = parseSignature(`text -> label: Literal[${labels}]`, 'Classify the support ticket.');
writeFileSync(
  'public/samples/support-tickets.json',
  saveProject({
    name: 'Classify support tickets',
    graph: graphFromSignature(classify, { type: 'ChainOfThought', name: 'classify' }),
    datasets: [dataset('tickets', 'tickets.jsonl', generateClassification(80, 5) as unknown as Record<string, unknown>[], [...classify.inputs, ...classify.outputs], ['text'])],
    settings: { metric: 'exact-match', provider: 'demo', seed: 0 },
  }),
);
// Plain data files for the CLI examples in the README.
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync('public/samples/additions.jsonl', jsonl(generateArithmetic(40, 12)));
const tickets = generateClassification(100, 6);
writeFileSync('public/samples/tickets-train.jsonl', jsonl(tickets.slice(0, 40)));
writeFileSync('public/samples/tickets-dev.jsonl', jsonl(tickets.slice(40)));
// The multi-hop RAG sample bundles its corpus; its questions also go out as JSONL for the CLI.
const multihop = multihopProject();
writeFileSync('public/samples/multihop-qa.json', saveProject(multihop));
const multihopRowsOf = (split: string) => (multihop.datasets[0]?.rows ?? []).filter((r) => r.split === split).map((r) => r.data);
writeFileSync('public/samples/multihop-train.jsonl', jsonl(multihopRowsOf('train')));
writeFileSync('public/samples/multihop-dev.jsonl', jsonl(multihopRowsOf('dev')));
console.log('wrote the sample projects and data files in public/samples');
