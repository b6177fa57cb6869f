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

/** What a call was: a chat completion or an embeddings request. Totals may be read per kind. */
export type UsageKind = 'lm' | 'embedding';

interface ModelTally {
  model: string;
  kind: UsageKind;
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

  record(model: string, usage: Usage, cached: boolean, kind: UsageKind = 'lm'): void {
    // Keyed by kind too, so an embeddings model never shares a tally with a chat model.
    const id = kind === 'lm' ? model : `${kind}:${model}`;
    const tally = this.tallies.get(id) ?? { model, kind, calls: 0, cachedCalls: 0, spent: { ...ZERO_USAGE }, saved: { ...ZERO_USAGE } };
    tally.calls++;
    // A hit costs nothing: its usage is what the original call spent, i.e. what the hit saved.
    if (cached) {
      tally.cachedCalls++;
      tally.saved = addUsage(tally.saved, usage);
    } else {
      tally.spent = addUsage(tally.spent, usage);
    }
    this.tallies.set(id, tally);
  }

  /** Every call's totals, or only those of one kind (embedding requests, say). */
  totals(kind?: UsageKind): UsageTotals {
    return this.sum([...this.tallies.values()].filter((t) => kind === undefined || t.kind === kind));
  }

  /** The same totals, one per model id as the provider reported it. */
  byModel(): Record<string, UsageTotals> {
    const out: Record<string, UsageTotals> = {};
    const models = new Set([...this.tallies.values()].map((t) => t.model));
    for (const model of models) out[model] = this.sum([...this.tallies.values()].filter((t) => t.model === model));
    return out;
  }

  reset(): void {
    this.tallies.clear();
  }

  private sum(entries: ModelTally[]): UsageTotals {
    const totals: UsageTotals = {
      calls: 0,
      cachedCalls: 0,
      spent: { ...ZERO_USAGE, cost: 0 },
      saved: { ...ZERO_USAGE, cost: 0 },
      unpricedModels: [],
    };
    for (const tally of entries) {
      const model = tally.model;
      totals.calls += tally.calls;
      totals.cachedCalls += tally.cachedCalls;
      totals.spent = addCosted(totals.spent, tally.spent, costOf(model, tally.spent, this.prices));
      totals.saved = addCosted(totals.saved, tally.saved, costOf(model, tally.saved, this.prices));
      const used = tally.spent.totalTokens + tally.saved.totalTokens > 0;
      if (used && priceOf(model, this.prices) === undefined && !totals.unpricedModels.includes(model)) totals.unpricedModels.push(model);
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
