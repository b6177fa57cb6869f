import { describe, expect, it } from 'vitest';
import type { Example } from '../data/types';
import { FakeLM } from '../lm/fake-lm';
import { createLM } from '../lm/stack';
import { ZERO_USAGE } from '../lm/types';
import type { Prediction } from '../program/types';
import { evaluate } from './evaluate';
import { exactMatch } from './metrics/exact-match';
import type { EvaluationProgress, Metric, MetricContext } from './types';

const examples = (n: number): Example[] =>
  Array.from({ length: n }, (_, i) => ({ id: `row-${i + 1}`, data: { q: `q${i}`, answer: String(i) } }));

const predict = (outputs: Record<string, unknown>, error?: string): Prediction => ({
  outputs,
  trace: [],
  usage: ZERO_USAGE,
  savedUsage: ZERO_USAGE,
  ...(error === undefined ? {} : { error }),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers correctly for even rows, wrongly for odd ones, after a short random-ish delay. */
const halfRight = async (example: Example): Promise<Prediction> => {
  const i = Number(example.data.answer);
  await sleep((i * 7) % 5);
  return predict({ answer: i % 2 === 0 ? String(i) : 'wrong' });
};

describe('evaluate', () => {
  it('scores every example and returns results in input order with DSPy percent', async () => {
    const progress: EvaluationProgress[] = [];
    const result = await evaluate(halfRight, examples(6), exactMatch, { fields: ['answer'], onProgress: (p) => progress.push(p) });
    expect(result.results.map((r) => r.exampleId)).toEqual(examples(6).map((e) => e.id));
    expect(result.results.map((r) => r.score)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(result).toMatchObject({ score: 0.5, percent: 50, errors: 0 });
    expect(result.stopped).toBeUndefined();
    expect(result.results[1]?.feedback).toBe("expected answer '1', got 'wrong'");
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.at(-1)).toEqual({ done: 6, total: 6, errors: 0, meanSoFar: 0.5 });
  });

  it('rounds percent to two decimals', async () => {
    const result = await evaluate(halfRight, examples(3), exactMatch, { fields: ['answer'] });
    expect(result.score).toBeCloseTo(2 / 3, 12);
    expect(result.percent).toBe(66.67);
  });

  it('scores 0 and counts an error for each way an example can fail', async () => {
    const throwingMetric: Metric = { id: 'boom', name: 'Boom', description: 'throws', score: () => { throw new Error('bad metric'); } };
    const run = async (example: Example): Promise<Prediction> => {
      if (example.id === 'row-1') return predict({}, 'adapter could not parse the reply');
      if (example.id === 'row-2') throw new Error('network down');
      return predict({ answer: example.data.answer });
    };
    const result = await evaluate(run, examples(3), exactMatch, { fields: ['answer'] });
    expect(result.errors).toBe(2);
    expect(result.results.map((r) => [r.score, r.error])).toEqual([
      [0, 'adapter could not parse the reply'],
      [0, 'the program threw: network down'],
      [1, undefined],
    ]);
    expect(result.results[1]?.prediction.error).toBe('the program threw: network down');

    const metricFails = await evaluate(run, examples(3).slice(2), throwingMetric, { fields: ['answer'] });
    expect(metricFails.results[0]).toMatchObject({ score: 0, error: "metric 'boom' failed: bad metric" });
    expect(metricFails.errors).toBe(1);
  });

  it('treats a score outside 0..1 as a metric error', async () => {
    const bad: Metric = { id: 'two', name: 'Two', description: '', score: () => ({ score: 2 }) };
    const result = await evaluate(async () => predict({ answer: '1' }), examples(1), bad, { fields: ['answer'] });
    expect(result.results[0]?.error).toBe("metric 'two' failed: returned score 2, expected a number from 0 to 1");
  });

  it('never runs more than `concurrency` examples at once, and does use them all', async () => {
    for (const concurrency of [1, 3, 8]) {
      let active = 0;
      let peak = 0;
      const run = async (example: Example) => {
        active++;
        peak = Math.max(peak, active);
        await sleep(1 + (Number(example.data.answer) % 4));
        active--;
        return predict({ answer: example.data.answer });
      };
      const result = await evaluate(run, examples(40), exactMatch, { fields: ['answer'], concurrency });
      expect(peak).toBe(concurrency);
      expect(result.score).toBe(1);
    }
  });

  it('with lookahead, keeps the next requests waiting at the LM slots; calls in flight stay capped', async () => {
    const client = new FakeLM({ latencyMs: 15 });
    const lm = createLM({ client, scheduler: { concurrency: 3 } });
    let queuedPeak = 0;
    const run = async (example: Example) => {
      const pending = lm.complete({ messages: [{ role: 'user', content: String(example.data.answer) }] });
      queuedPeak = Math.max(queuedPeak, lm.scheduler.queued);
      return predict({ answer: (await pending).texts[0] });
    };
    const plain = await evaluate(run, examples(24), exactMatch, { fields: ['answer'], concurrency: 3 });
    expect(queuedPeak).toBe(0);
    const ahead = await evaluate(run, examples(24), exactMatch, { fields: ['answer'], concurrency: 3, lookahead: 3 });
    // Three requests were always ready for the next free slot, yet the client never saw more than three.
    expect(queuedPeak).toBe(3);
    expect(client.peak).toBe(3);
    expect(client.calls).toBe(48);
    expect(ahead.results.map((r) => [r.exampleId, r.score])).toEqual(plain.results.map((r) => [r.exampleId, r.score]));
  });

  it('stops launching at maxErrors and returns what was scored', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      await sleep(1);
      return predict({}, 'always fails');
    };
    const serial = await evaluate(failing, examples(50), exactMatch, { fields: ['answer'], concurrency: 1, maxErrors: 3 });
    expect(serial).toMatchObject({ stopped: 'max-errors', errors: 3, score: 0 });
    expect(serial.results).toHaveLength(3);
    expect(calls).toBe(3);

    calls = 0;
    const parallel = await evaluate(failing, examples(50), exactMatch, { fields: ['answer'], concurrency: 4, maxErrors: 5 });
    expect(parallel.stopped).toBe('max-errors');
    // In-flight examples finish, so up to concurrency − 1 more than maxErrors are scored.
    expect(parallel.results.length).toBeGreaterThanOrEqual(5);
    expect(parallel.results.length).toBeLessThanOrEqual(8);
    expect(calls).toBe(parallel.results.length);
    expect(parallel.results.map((r) => r.exampleId)).toEqual(examples(parallel.results.length).map((e) => e.id));
  });

  it('does not mark a finished evaluation as stopped when the last example hits maxErrors', async () => {
    const result = await evaluate(async () => predict({}, 'x'), examples(2), exactMatch, { fields: ['answer'], maxErrors: 2 });
    expect(result.errors).toBe(2);
    expect(result.stopped).toBeUndefined();
  });

  it('stops promptly on abort, even when the program ignores the signal', async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = async (example: Example, signal?: AbortSignal) => {
      seen.push(signal);
      if (example.id !== 'row-1') await gate; // hangs until released, ignoring the signal
      return predict({ answer: example.data.answer });
    };
    const pending = evaluate(run, examples(10), exactMatch, {
      fields: ['answer'],
      concurrency: 3,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) setTimeout(() => controller.abort(), 0);
      },
    });
    const result = await pending;
    expect(result.stopped).toBe('aborted');
    expect(result.results.map((r) => r.exampleId)).toEqual(['row-1']);
    expect(seen.every((s) => s === controller.signal)).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(4);
    release();
    await sleep(5);
    // Late completions do not leak into the returned result.
    expect(result.results).toHaveLength(1);
  });

  it('runs nothing when the signal is already aborted', async () => {
    let calls = 0;
    const result = await evaluate(async () => (calls++, predict({})), examples(3), exactMatch, {
      fields: ['answer'],
      signal: AbortSignal.abort(),
    });
    expect(result).toEqual({ score: 0, percent: 0, results: [], errors: 0, stopped: 'aborted' });
    expect(calls).toBe(0);
  });

  it('handles an empty example list', async () => {
    expect(await evaluate(halfRight, [], exactMatch, { fields: ['answer'] })).toEqual({ score: 0, percent: 0, results: [], errors: 0 });
  });

  it('passes fields, signal and the extra metric context to the metric', async () => {
    const contexts: MetricContext[] = [];
    const spy: Metric = { id: 'spy', name: 'Spy', description: '', score: (_g, _p, ctx) => (contexts.push(ctx), { score: 1 }) };
    const signal = new AbortController().signal;
    await evaluate(async () => predict({}), examples(1), spy, {
      fields: ['answer'],
      signal,
      metricContext: { fields: ['ignored'], config: { tolerance: 0.1 } },
    });
    expect(contexts).toEqual([{ fields: ['answer'], signal, config: { tolerance: 0.1 } }]);
  });

  it('rejects when onProgress throws, rather than hanging', async () => {
    await expect(
      evaluate(halfRight, examples(3), exactMatch, { fields: ['answer'], onProgress: () => { throw new Error('ui bug'); } }),
    ).rejects.toThrow('ui bug');
  });
});
