import { costOf, DEFAULT_PRICES, priceOf, type ModelPrice, type PriceTable } from './prices';
import type { LM, LMRequest, LMResponse, Usage } from './types';
import { ZERO_USAGE, addUsage } from './types';

export interface CostedUsage extends Usage {
  /** USD; undefined when any model in the bucket has no known price (see `unpricedModels`). */
  cost: number | undefined;
}

export interface UsageTotals {
  calls: number;
  cachedCalls: number;
  /** Tokens and money actually spent with the provider. */
  spent: CostedUsage;
  /** Tokens and money that cache hits avoided spending. */
  saved: CostedUsage;
  /** Models that used tokens but are missing from the price table. */
  unpricedModels: string[];
}

interface ModelTally {
  calls: number;
  cachedCalls: number;
  spent: Usage;
  saved: Usage;
}

/**
 * Counts calls and tokens per model; money is computed when asked, from the current table, so
 * editing a price in settings re-prices the whole run.
 */
export class UsageMeter {
  private readonly tallies = new Map<string, ModelTally>();
  private readonly prices: PriceTable;

  constructor(prices: Readonly<PriceTable> = DEFAULT_PRICES) {
    this.prices = { ...prices };
  }

  setPrice(model: string, price: ModelPrice | undefined): void {
    if (price === undefined) delete this.prices[model];
    else this.prices[model] = { ...price };
  }

  get priceTable(): Readonly<PriceTable> {
    return this.prices;
  }

  record(model: string, usage: Usage, cached: boolean): void {
    const tally = this.tallies.get(model) ?? { calls: 0, cachedCalls: 0, spent: { ...ZERO_USAGE }, saved: { ...ZERO_USAGE } };
    tally.calls++;
    // A hit costs nothing: its usage is what the original call spent, i.e. what the hit saved.
    if (cached) {
      tally.cachedCalls++;
      tally.saved = addUsage(tally.saved, usage);
    } else {
      tally.spent = addUsage(tally.spent, usage);
    }
    this.tallies.set(model, tally);
  }

  totals(): UsageTotals {
    return this.sum([...this.tallies.entries()]);
  }

  /** The same totals, one per model id as the provider reported it. */
  byModel(): Record<string, UsageTotals> {
    const out: Record<string, UsageTotals> = {};
    for (const entry of this.tallies) out[entry[0]] = this.sum([entry]);
    return out;
  }

  reset(): void {
    this.tallies.clear();
  }

  private sum(entries: Array<[string, ModelTally]>): UsageTotals {
    const totals: UsageTotals = {
      calls: 0,
      cachedCalls: 0,
      spent: { ...ZERO_USAGE, cost: 0 },
      saved: { ...ZERO_USAGE, cost: 0 },
      unpricedModels: [],
    };
    for (const [model, tally] of entries) {
      totals.calls += tally.calls;
      totals.cachedCalls += tally.cachedCalls;
      totals.spent = addCosted(totals.spent, tally.spent, costOf(model, tally.spent, this.prices));
      totals.saved = addCosted(totals.saved, tally.saved, costOf(model, tally.saved, this.prices));
      const used = tally.spent.totalTokens + tally.saved.totalTokens > 0;
      if (used && priceOf(model, this.prices) === undefined) totals.unpricedModels.push(model);
    }
    return totals;
  }
}

function addCosted(total: CostedUsage, usage: Usage, cost: number | undefined): CostedUsage {
  // A bucket with no tokens costs 0 whatever the model; otherwise an unknown price poisons the
  // sum, because a partial figure shown as the total would under-report.
  const known = usage.totalTokens === 0 ? 0 : cost;
  const sum = total.cost === undefined || known === undefined ? undefined : total.cost + known;
  return { ...addUsage(total, usage), cost: sum };
}

/** Records every successful call's usage; failed calls report no usage to record. */
export function withUsage(lm: LM, meter: UsageMeter): LM {
  return {
    model: lm.model,
    async complete(request: LMRequest): Promise<LMResponse> {
      const response = await lm.complete(request);
      meter.record(response.model, response.usage, response.cached);
      return response;
    },
  };
}
