import { describe, expect, it } from 'vitest';
import type { Example } from '../data/types';
import { Rng } from '../random';
import type { ProposalOutcome } from './gepa-propose';
import { StepQueue, type StepChoice } from './gepa-steps';

/**
 * A toy GEPA: the pool is a list of candidate ids, a step's parent is drawn (seeded per step)
 * from the pool as it stands, and whether a step's child is accepted depends only on its parent
 * and its minibatch. Run with one step in flight and with several, the settled steps must be
 * the same ones, in the same order, with the same choices.
 */
async function toyRun(width: number, budget: number, delays: (iter: number) => number) {
  const pool: number[][] = [[0]];
  const counters: number[] = [0];
  const meter = { spent: 0, reserved: 0 };
  let batches = 0;
  const queue = new StepQueue({
    width,
    stepCost: 6,
    afterCost: 10, // the child's evaluation
    meter,
    room: (n) => meter.spent + meter.reserved + n <= budget,
    choose: (iter, c) => {
      const parent = new Rng(iter).int(Math.max(0, pool.length - 2), pool.length - 1);
      return { parent, chosen: [(c[parent] ?? 0) % 2] };
    },
    counters: () => counters,
    advance: (c, choice) => {
      c[choice.parent] = ((c[choice.parent] ?? 0) + 1) % 2;
    },
    run: async (choice: StepChoice, batch: Example[]) => {
      await new Promise((resolve) => setTimeout(resolve, delays(Number(batch[0]?.id))));
      const accepted = new Rng(0).fork(`${choice.parent}:${choice.chosen.join()}:${batch[0]?.id}`).next() < 0.4;
      return { before: { result: { results: [] }, elapsedMs: 0 }, child: accepted ? {} : undefined, cost: 6, notes: [] } as unknown as ProposalOutcome;
    },
    batch: () => [{ id: String(++batches), data: {} }],
  });
  const settled: string[] = [];
  for (;;) {
    const step = await queue.next();
    if (!step) break;
    settled.push(`${step.iter}:${step.choice.parent}/${step.choice.chosen.join()}`);
    if (step.outcome.child) {
      // The reservation guarantees an accepted child can always be evaluated.
      expect(meter.spent + meter.reserved + 10).toBeLessThanOrEqual(budget);
      pool.push([step.choice.parent]);
      counters.push(0);
      meter.spent += 10; // the child's full evaluation
      queue.poolChanged();
    }
  }
  await queue.drain();
  return { settled, spent: meter.spent, reserved: meter.reserved, discarded: queue.discarded };
}

describe('GEPA steps in flight together', () => {
  it('settle the serial run’s steps, with its choices, whatever finishes first', async () => {
    const serial = await toyRun(1, 10_000, () => 0);
    const wide = await toyRun(4, 10_000, (iter) => (iter * 7) % 5);
    const shuffled = await toyRun(4, 10_000, (iter) => (iter * 3) % 4);
    // Discarded runs count against the budget, so only the last few steps before it runs out differ.
    const n = Math.min(serial.settled.length, wide.settled.length) - 20;
    expect(n).toBeGreaterThan(100);
    expect(wide.settled.slice(0, n)).toEqual(serial.settled.slice(0, n));
    expect(shuffled.settled).toEqual(wide.settled);
    expect(serial.discarded).toBe(0);
    expect(wide.discarded).toBeGreaterThan(0);
  });

  it('count discarded runs against the budget, never overrun it, and release every reservation', async () => {
    for (const width of [1, 3, 6]) {
      const run = await toyRun(width, 500, (iter) => iter % 3);
      expect(run.reserved).toBe(0);
      expect(run.spent).toBeLessThanOrEqual(500);
      expect(run.spent).toBeGreaterThan(500 - 2 * 16);
      expect(run.settled.length * 6 + run.discarded * 6).toBeLessThanOrEqual(run.spent);
    }
  });
});
