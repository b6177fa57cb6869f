import { describe, expect, it } from 'vitest';
import type { ProgramGraph } from '../../core/program/types';
import type { WorkerEvent } from '../../worker/protocol';
import { liveRunFromStored, newLiveRun, reduceRun, runProgram, storageProblem } from './live-run';

const graph: ProgramGraph = { nodes: [], edges: [] };
const candidate = { add: { signature: { instructions: 'x', inputs: [], outputs: [] }, demos: [] } };
const trial = { index: 0, label: 'zero-shot', candidate, score: 0.5, subset: 'full' as const, examples: [], usage: { calls: 1, cachedCalls: 0, totalTokens: 10 }, elapsedMs: 5 };

describe('reduceRun', () => {
  it('folds an optimizer stream into trials, best and the final result', () => {
    const events: WorkerEvent[] = [
      { runId: 'r', type: 'started', optimizer: 'labeled-fewshot', seed: 0, plan: { taskRuns: 1, taskCalls: 1, promptCalls: 0, estimatedTokens: 10, notes: [] } },
      { runId: 'r', type: 'trial', trial },
      { runId: 'r', type: 'best', trialIndex: 0, score: 0.5, candidate },
      { runId: 'other', type: 'failed', error: 'not this run' },
      { runId: 'r', type: 'log', level: 'warn', message: 'slow' },
    ];
    const run = events.reduce(reduceRun, newLiveRun('r', 'p1', 'optimize', 'test', graph));
    expect(run.status).toBe('running');
    expect(run.trials).toEqual([trial]);
    expect(run.best?.score).toBe(0.5);
    expect(run.logs).toEqual([{ level: 'warn', message: 'slow' }]);
    expect(runProgram(run)).toBe(candidate);
    const cancelled = reduceRun(run, { runId: 'r', type: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
  });

  it('records an evaluation summary as finished', () => {
    const summary = { score: 0.25, examples: [], errors: 0, calls: 4, cachedCalls: 0, totalTokens: 40 };
    const run = reduceRun(newLiveRun('e', 'p1', 'evaluate', 'evaluate dev', graph), { runId: 'e', type: 'evaluated', summary });
    expect(run).toMatchObject({ status: 'finished', evaluation: summary });
  });
});

describe('liveRunFromStored', () => {
  it('reopens a finished optimization with its trials, program and scores', () => {
    const better = { ...trial, index: 1, score: 0.9, label: 'better' };
    const run = liveRunFromStored(
      { id: 'r', projectId: 'p1', kind: 'optimize', optimizer: 'bootstrap-fewshot', seed: 2, status: 'finished', taskModel: 'sim-1', score: 0.8, baselineScore: 0.6, program: candidate },
      [trial, better],
      graph,
    );
    expect(run).toMatchObject({ status: 'finished', label: 'bootstrap-fewshot (seed 2, stored) · sim-1', stored: { score: 0.8, baselineScore: 0.6 } });
    expect(run.best).toEqual({ trialIndex: 1, score: 0.8, candidate });
    expect(runProgram(run)).toBe(candidate);
  });

  it('reopens an evaluation with its per-example results', () => {
    const examples = [{ exampleId: 'row-1', score: 1 }, { exampleId: 'row-2', score: 0, error: 'unparseable' }];
    const run = liveRunFromStored({ id: 'e', projectId: 'p1', kind: 'evaluate', optimizer: 'evaluate', seed: 0, status: 'finished', score: 0.5 }, [{ ...trial, score: 0.5, examples }], graph);
    expect(run.evaluation).toMatchObject({ score: 0.5, errors: 1, examples });
  });
});

describe('storageProblem', () => {
  const graph: ProgramGraph = { nodes: [], edges: [] };
  const withLog = (level: 'info' | 'warn', message: string) => ({ ...newLiveRun('r1', 'p1', 'optimize', 'run', graph), logs: [{ level, message }] });

  it('finds a trial the browser could not store for lack of space', () => {
    const full = 'could not save run r1: Browser storage is full: could not record trial 3 of run r1. Nothing was written.';
    expect(storageProblem(withLog('warn', full))?.message).toBe(full);
  });

  it('ignores other warnings and information', () => {
    expect(storageProblem(withLog('warn', 'could not save run r1: run r1 already has a trial with index 3'))).toBeUndefined();
    expect(storageProblem(withLog('info', 'Browser storage is full'))).toBeUndefined();
  });
});
