/**
 * GEPA's reflection steps, several at once, with the serial algorithm's choices.
 *
 * A step is a chain (parent on a minibatch, one reflection call, child on the same minibatch)
 * that leaves most concurrency slots idle, so steps are launched ahead of their turn. A step
 * launched early is a speculation: it picked its parent (and, round robin, its component) from
 * the pool as it stood, projected over the steps queued before it. When the pool changes (an
 * accepted child or a merge joins it), every queued step is checked against the choice it would
 * make now; a stale one is started again from the right parent and its first run becomes an
 * orphan, whose metric calls still count against the budget once it ends.
 *
 * Everything that decides what runs (launching, checking, accounting) happens at points fixed by
 * the settled steps, never by which call finishes first: the same seed makes the same requests,
 * so a warm cache replays a run without a provider call.
 */
import type { Example } from '../data/types';
import type { ProposalOutcome } from './gepa-propose';

export interface StepChoice {
  parent: number;
  /** Component positions the step rewrites. */
  chosen: number[];
}

export interface SettledStep {
  iter: number;
  choice: StepChoice;
  outcome: ProposalOutcome;
}

export interface StepQueueOptions {
  /** Steps in flight at most (orphans not counted). */
  width: number;
  /** Metric calls one step may spend (parent and child on the minibatch). */
  stepCost: number;
  /**
   * Metric calls a settled step's outcome may need next (the full evaluation of an accepted
   * child), held with the step's own while it runs, so that steps launched ahead of their turn
   * can never take the budget an earlier step's child needs.
   */
  afterCost: number;
  /** Metric calls spent, and reserved by steps still running. */
  meter: { spent: number; reserved: number };
  /** Whether n more metric calls fit the budget beside what is spent and reserved. */
  room(n: number): boolean;
  /** The choice step `iter` makes from the pool as it stands, given the round-robin counters. */
  choose(iter: number, counters: readonly number[]): StepChoice;
  /** The settled round-robin counters, per candidate (advanced in place as steps settle). */
  counters(): number[];
  /** Moves the counters past a step's choice. */
  advance(counters: number[], choice: StepChoice): void;
  run(choice: StepChoice, batch: Example[]): Promise<ProposalOutcome>;
  /** The next minibatch, asked once per step in step order. */
  batch(): Example[];
}

interface Step {
  iter: number;
  batch: Example[];
  choice: StepChoice;
  task: Promise<ProposalOutcome>;
}

const same = (a: StepChoice, b: StepChoice) => a.parent === b.parent && a.chosen.join() === b.chosen.join();

export class StepQueue {
  private readonly queue: Step[] = [];
  private orphans: Promise<ProposalOutcome>[] = [];
  private iter = 0;
  private stale = false;
  /** Speculative steps whose first run was thrown away because the pool changed under them. */
  discarded = 0;

  constructor(private readonly o: StepQueueOptions) {}

  /** The pool changed; queued steps are checked before the next one is settled. */
  poolChanged(): void {
    this.stale = true;
  }

  /** The next step in serial order, settled; undefined when the budget allows no more. */
  async next(): Promise<SettledStep | undefined> {
    for (;;) {
      if (this.stale) this.recheck();
      this.launch();
      const head = this.queue[0];
      if (!head) {
        // Discarded runs may hold the budget a next step needs: count what they spent, then retry.
        if (this.orphans.length === 0) return undefined;
        await this.settleOrphans();
        continue;
      }
      const outcome = await head.task;
      await this.settleOrphans();
      const truth = this.o.choose(head.iter, this.o.counters());
      if (!same(truth, head.choice)) {
        // Not reached while every pool change is reported; kept so a missed one costs a rerun, not a wrong run.
        this.account(outcome);
        this.discarded++;
        this.queue.shift();
        if (this.o.room(this.reserve)) this.queue.unshift(this.start({ ...head, choice: truth }));
        continue;
      }
      this.queue.shift();
      this.account(outcome);
      this.o.advance(this.o.counters(), head.choice);
      return { iter: head.iter, choice: head.choice, outcome };
    }
  }

  /** Waits for orphans still running, so every metric call is counted before the run ends. */
  async drain(): Promise<void> {
    await this.settleOrphans();
  }

  private get reserve(): number {
    return this.o.stepCost + this.o.afterCost;
  }

  private account(outcome: ProposalOutcome): void {
    this.o.meter.reserved -= this.reserve;
    this.o.meter.spent += outcome.cost;
  }

  /** A discarded run keeps only its own calls reserved: its outcome will never need more. */
  private orphan(step: Step): void {
    this.o.meter.reserved -= this.o.afterCost;
    this.orphans.push(step.task);
    this.discarded++;
  }

  private async settleOrphans(): Promise<void> {
    const orphans = this.orphans;
    this.orphans = [];
    for (const orphan of orphans) {
      const outcome = await orphan;
      this.o.meter.reserved -= this.o.stepCost;
      this.o.meter.spent += outcome.cost;
    }
  }

  /** The round-robin counters as they will be once the first `upTo` queued steps have settled. */
  private projected(upTo: number): number[] {
    const counters = [...this.o.counters()];
    for (const step of this.queue.slice(0, upTo)) this.o.advance(counters, step.choice);
    return counters;
  }

  private start(step: Omit<Step, 'task'>): Step {
    this.o.meter.reserved += this.reserve;
    const task = this.o.run(step.choice, step.batch);
    task.catch(() => undefined); // awaited in order; this only silences an early rejection
    return Object.assign(step, { task });
  }

  private launch(): void {
    while (this.queue.length < this.o.width && this.o.room(this.reserve)) {
      const iter = ++this.iter;
      this.queue.push(this.start({ iter, batch: this.o.batch(), choice: this.o.choose(iter, this.projected(this.queue.length)) }));
    }
  }

  private recheck(): void {
    this.stale = false;
    for (let i = 0; i < this.queue.length; i++) {
      const step = this.queue[i] as Step;
      const now = this.o.choose(step.iter, this.projected(i));
      if (same(now, step.choice)) continue;
      this.orphan(step);
      if (!this.o.room(this.reserve)) {
        // No room to redo it: this step and the ones after it are dropped (their runs still count).
        for (const dropped of this.queue.splice(i).slice(1)) this.orphan(dropped);
        return;
      }
      this.queue[i] = this.start({ iter: step.iter, batch: step.batch, choice: now });
    }
  }
}
