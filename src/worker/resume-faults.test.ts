import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Example } from '../core/data/types';
import { MemoryCacheStore } from '../core/lm/cache-store';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import { generateArithmetic } from '../sim';
import { startSimServer, type SimServer } from '../sim/server';
import { createRunDispatcher } from './dispatcher';
import type { OptimizeCommand, WorkerEvent } from './protocol';
import { memoryPersistence } from './resume-test-support';

// Faults through the real HTTP sim and the real openai SDK: 5xx and 429 storms slow a run down
// but never change what it finds, and no trial is lost.
const rows: Example[] = generateArithmetic(20, 21).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

let sim: SimServer;
beforeAll(async () => {
  sim = await startSimServer({ retryAfterSeconds: 0.02 });
});
afterAll(() => sim.close());

async function optimize(runId: string): Promise<{ events: WorkerEvent[]; trials: number[] }> {
  const db = memoryPersistence();
  const command: OptimizeCommand = {
    type: 'optimize', runId, projectId: 'p1', graph, metricId: 'exact-match', concurrency: 6,
    provider: { kind: 'http', baseURL: sim.url, taskModel: 'sim-1' },
    optimizer: 'random-search', config: { num_candidate_programs: 2, max_bootstrapped_demos: 2 }, trainset: rows.slice(0, 10), devset: rows.slice(10), seed: 5, budget: {},
  };
  const events: WorkerEvent[] = [];
  await createRunDispatcher({ persistence: db.persistence, cacheStore: new MemoryCacheStore() }).dispatch(command, (e) => events.push(e));
  return { events, trials: db.trials.map((t) => t.trial.index) };
}

describe('a run under injected faults', () => {
  it('with 20 % 5xx and 10 % 429 finishes with the same program, score and trials as without', async () => {
    const clean = await optimize('clean');
    const cleanEnd = clean.events.at(-1);
    if (cleanEnd?.type !== 'finished') throw new Error(`clean run ended ${JSON.stringify(cleanEnd)}`);

    sim.resetStats();
    sim.setOptions({ rate5xx: 0.2, rate429: 0.1, faultSeed: 3 });
    const faulty = await optimize('faulty');
    sim.setOptions({ rate5xx: 0, rate429: 0 });
    const end = faulty.events.at(-1);
    if (end?.type !== 'finished') throw new Error(`faulty run ended ${JSON.stringify(end)}`);
    const statuses = sim.stats().statuses;
    expect(statuses['500'] ?? 0).toBeGreaterThan(0);
    expect(statuses['429'] ?? 0).toBeGreaterThan(0);
    expect(end.result.program).toEqual(cleanEnd.result.program);
    expect(end.result.score).toBe(cleanEnd.result.score);
    expect(end.result.finalDevScore).toBe(cleanEnd.result.finalDevScore);
    expect(faulty.trials).toEqual(clean.trials);
  }, 60_000);
});
