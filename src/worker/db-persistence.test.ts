import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Example } from '../core/data/types';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import { graphVersions, projects, runs, trials } from '../db';
import { generateArithmetic } from '../sim';
import { dbPersistence } from './db-persistence';
import { createRunDispatcher } from './dispatcher';
import type { WorkerEvent } from './protocol';

const rows: Example[] = generateArithmetic(16, 2).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

describe('the worker on IndexedDB', () => {
  it('stores the run, its plan, every trial and the usage totals as the run goes', async () => {
    const project = await projects.create({ name: 'worker test', graph });
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: dbPersistence() }).dispatch(
      {
        type: 'optimize', runId: 'db-run', projectId: project.id, graph, metricId: 'exact-match', concurrency: 4, provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 },
        optimizer: 'labeled-fewshot', config: { k: 3 }, trainset: rows.slice(0, 8), devset: rows.slice(8), seed: 1, budget: {}, datasetId: 'd1',
      },
      (e) => events.push(e),
    );
    const run = await runs.get('db-run');
    expect(run).toMatchObject({ status: 'finished', kind: 'optimize', optimizer: 'labeled-fewshot', taskModel: 'sim-1', datasetId: 'd1' });
    expect(run?.plan?.taskCalls).toBeGreaterThan(0);
    const stored = await trials.listFor('db-run');
    const sent = events.filter((e) => e.type === 'trial');
    expect(stored).toHaveLength(sent.length);
    expect(run?.usage.trials).toBe(sent.length);
    expect(run?.program?.['add']?.demos).toHaveLength(3);
    expect(JSON.stringify(run)).not.toContain('apiKey');
    expect((await graphVersions.get(run?.graphVersion ?? ''))?.graph).toEqual(graph);
  });
});

describe('a run for a project that is gone', () => {
  it('fails with the reason instead of running unrecorded', async () => {
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: dbPersistence() }).dispatch(
      { type: 'evaluate', runId: 'orphan', projectId: 'no-such-project', graph, metricId: 'exact-match', concurrency: 2, provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, examples: rows.slice(0, 2), split: 'dev' },
      (e) => events.push(e),
    );
    expect(events).toEqual([{ runId: 'orphan', type: 'failed', error: 'projects: no record with id "no-such-project"' }]);
  });
});
