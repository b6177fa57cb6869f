import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Example } from '../data/types';
import { getMetric } from '../evaluate/metrics/registry';
import { loadProject } from '../formats/project';
import { execute } from '../program/execute';
import type { ProgramServices } from '../program/services';
import { programState } from '../program/state';
import { createBm25Retriever } from '../retrieve/bm25';
import type { RunEvent } from './events';
import { runOptimizer, type RunSpec } from './runner';
import { simHost } from './test-support/sim-host';

/**
 * The multi-hop RAG sample through the real engine: its graph (two query writers, two Retrieve
 * nodes over the bundled corpus, an answerer), BM25 over its corpus, the sim as the LM. Zero-shot
 * the follow-up query rarely names the bridge person; BootstrapFewShot's demos teach it to.
 */
const file = loadProject(JSON.parse(readFileSync(new URL('../../../public/samples/multihop-qa.json', import.meta.url), 'utf8')));
if (!file.ok) throw new Error(`multihop-qa.json: ${file.error}`);
const project = file.value;
const rows = project.datasets[0]?.rows ?? [];
const split = (s: string): Example[] => rows.filter((r) => r.split === s);
const corpus = project.corpora?.[0];
if (!corpus) throw new Error('multihop-qa.json has no corpus');
const retriever = createBm25Retriever(corpus.passages);
const services: ProgramServices = { retriever: (id) => (id === corpus.id ? retriever : undefined) };

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  const trainset = split('train');
  return {
    optimizer: 'bootstrap-fewshot',
    config: { max_bootstrapped_demos: 4, max_labeled_demos: 0 },
    graph: project.graph,
    trainset,
    valset: trainset.slice(0, 12),
    devset: split('dev'),
    metric: getMetric('exact-match'),
    seed: 3,
    concurrency: 8,
    ...overrides,
  };
}

describe('the multi-hop RAG sample', () => {
  it('bundles a corpus of a few hundred passages and train/dev questions', () => {
    expect(corpus.passages.length).toBeGreaterThan(200);
    expect(corpus.passages.length).toBeLessThan(500);
    expect(split('train').length).toBeGreaterThan(20);
    expect(split('dev').length).toBeGreaterThan(30);
    const retrieves = project.graph.nodes.filter((n) => n.type === 'Retrieve');
    expect(retrieves).toHaveLength(2);
  });

  it('scores low zero-shot and clearly higher after BootstrapFewShot', async () => {
    const events: RunEvent[] = [];
    const outcome = await runOptimizer(spec(), { ...simHost(events), services });
    if (outcome.status !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(outcome)}`);
    const { baselineDevScore = 0, finalDevScore = 0 } = outcome.result;
    console.log(`multi-hop dev: zero-shot ${baselineDevScore.toFixed(3)} → ${finalDevScore.toFixed(3)}`);
    expect(baselineDevScore).toBeLessThan(0.45);
    expect(finalDevScore - baselineDevScore).toBeGreaterThanOrEqual(0.25);
    const followUp = outcome.result.program['follow_up.predict']?.demos ?? [];
    expect(followUp.length).toBeGreaterThan(0);
  });

  it('records each retrieval as a trace step with its query and passages', async () => {
    const question = split('dev')[0]?.data.question;
    const lm = simHost([]).taskClient;
    const prediction = await execute(project.graph, programState(project.graph), { question }, { lm, services });
    const retrievals = prediction.trace.filter((s) => s.action?.kind === 'retrieve');
    expect(retrievals).toHaveLength(2);
    const first = retrievals[0]?.action;
    if (first?.kind !== 'retrieve') throw new Error('no retrieval step');
    expect(first.passages).toHaveLength(3);
    expect(first.query.length).toBeGreaterThan(0);
    expect(typeof prediction.outputs.answer).toBe('string');
  });
});
