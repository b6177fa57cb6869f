import type { Embedder, LM } from '../lm/types';
import type { UsageMeter } from '../lm/usage';

export interface Budget {
  /** Requests sent to the provider (cache hits are free and do not count; retries do). */
  maxCalls?: number;
  maxTokens?: number;
  /** USD; needs known prices for the models in use. */
  maxCost?: number;
}

/** What earlier sessions of a resumed run already spent; it counts against the same budget. */
export interface BudgetSpent {
  calls: number;
  tokens: number;
  /** USD; unknown when any earlier call had no price. */
  cost?: number;
}

export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceeded';
}

export interface BudgetGuard {
  /** Wraps the provider client: every request that would leave the machine passes the check. */
  wrap(client: LM): LM;
  /** The same check before every embeddings request; the meter counts their tokens and cost too. */
  wrapEmbedder(embedder: Embedder): Embedder;
  /** The limit reached, if any. */
  readonly reason: string | undefined;
  /** Requests started in this session (not counting `before`). */
  readonly callsStarted: number;
}

/**
 * Checks the budget before every provider request, counting requests as they start so that
 * concurrency cannot overshoot the call limit. Tokens and cost are known only after a reply, so
 * those limits stop the run at the first request after they are reached. On the first refusal
 * `onExceeded` runs (the run aborts its work and unwinds like a cancel, keeping its best-so-far).
 * `before` is what a resumed run spent before its interruption: the limits cover the whole run.
 */
export function createBudgetGuard(budget: Budget, meter: UsageMeter, onExceeded: (reason: string) => void, before: BudgetSpent = { calls: 0, tokens: 0, cost: 0 }): BudgetGuard {
  let started = 0;
  let reason: string | undefined;
  const check = (): string | undefined => {
    if (budget.maxCalls !== undefined && before.calls + started >= budget.maxCalls) return `the call budget (${budget.maxCalls} calls) is spent`;
    const totals = meter.totals();
    if (budget.maxTokens !== undefined && before.tokens + totals.spent.totalTokens >= budget.maxTokens) return `the token budget (${budget.maxTokens} tokens) is spent`;
    if (budget.maxCost !== undefined && (before.cost ?? 0) + (totals.spent.cost ?? 0) >= budget.maxCost) return `the cost budget ($${budget.maxCost}) is spent`;
    return undefined;
  };
  /** Undefined when a request may go, else the refusal (the first one also stops the run). */
  const refusal = (): BudgetExceededError | undefined => {
    const over = reason ?? check();
    if (!over) {
      started++;
      return undefined;
    }
    if (!reason) {
      reason = over;
      onExceeded(over);
    }
    return new BudgetExceededError(over);
  };
  return {
    get reason() {
      return reason;
    },
    get callsStarted() {
      return started;
    },
    wrap: (client) => ({
      model: client.model,
      complete(request) {
        const refused = refusal();
        return refused ? Promise.reject(refused) : client.complete(request);
      },
    }),
    wrapEmbedder: (embedder) => ({
      embed(request) {
        const refused = refusal();
        return refused ? Promise.reject(refused) : embedder.embed(request);
      },
      ...(embedder.cacheHit ? { cacheHit: embedder.cacheHit.bind(embedder) } : {}),
    }),
  };
}
