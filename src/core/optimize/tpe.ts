/**
 * A small Tree-structured Parzen Estimator over categorical parameters, with Optuna's TPESampler
 * semantics for categoricals (what MIPROv2 searches with): random picks for the first
 * `nStartupTrials` observations, then the observations are split into the best `gamma(n)` and
 * the rest; each side becomes a mixture of one kernel per observation (its own choice plus a
 * share of the prior) and a uniform prior kernel; `nEiCandidates` draws from the good side are
 * ranked by log l(x) − log g(x). Multivariate (the default, as MIPROv2 sets it) keeps each
 * observation's choices together as one joint kernel; univariate models each parameter alone.
 * All randomness comes from one seeded Rng, so the same seed and history give the same picks.
 */
import { Rng } from '../random';

/** Parameter name -> number of choices (values are choice indexes 0..n-1). */
export type CategoricalSpace = Record<string, number>;
export type TpeParams = Record<string, number>;

export interface TpeObservation {
  params: TpeParams;
  /** Higher is better (MIPROv2 maximizes its metric). */
  value: number;
}

export interface TpeOptions {
  seed: number;
  /** Observations before the model is used; Optuna's default 10. */
  nStartupTrials?: number;
  /** Draws from l(x) ranked per suggestion; Optuna's default 24. */
  nEiCandidates?: number;
  /** Weight of the uniform prior kernel; Optuna's default 1. */
  priorWeight?: number;
  /** Model the parameters jointly (MIPROv2 passes multivariate=True). */
  multivariate?: boolean;
  /** How many observations count as good; Optuna's default min(ceil(0.1·n), 25). */
  gamma?: (n: number) => number;
}

export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default observation weights: flat for the newest 25, a ramp below that for older ones. */
export function defaultWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return Array.from({ length: n }, () => 1);
  const rampLength = n - 25;
  const ramp = Array.from({ length: rampLength }, (_, i) => (rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1)));
  return [...ramp, ...Array.from({ length: 25 }, () => 1)];
}

interface Mixture {
  /** Normalized mixture weights, one per kernel (observations, then the prior). */
  weights: number[];
  /** kernels[k][param] = probability per choice. */
  kernels: Record<string, number[]>[];
}

function buildMixture(space: CategoricalSpace, observations: TpeParams[], priorWeight: number): Mixture {
  const n = observations.length;
  const raw = n === 0 ? [1] : [...defaultWeights(n), priorWeight];
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const share = priorWeight / (n + 1);
  const kernels: Record<string, number[]>[] = [];
  for (const obs of observations) {
    const kernel: Record<string, number[]> = {};
    for (const [param, size] of Object.entries(space)) {
      const probs = Array.from({ length: size }, (_, c) => share + (c === obs[param] ? 1 : 0));
      const sum = probs.reduce((a, b) => a + b, 0);
      kernel[param] = probs.map((p) => p / sum);
    }
    kernels.push(kernel);
  }
  const prior: Record<string, number[]> = {};
  for (const [param, size] of Object.entries(space)) prior[param] = Array.from({ length: size }, () => 1 / size);
  kernels.push(prior);
  return { weights, kernels };
}

function pickIndex(probs: readonly number[], rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < probs.length; i++) {
    u -= probs[i] ?? 0;
    if (u < 0) return i;
  }
  return probs.length - 1;
}

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  if (!Number.isFinite(max)) return max;
  return max + Math.log(values.reduce((s, v) => s + Math.exp(v - max), 0));
}

function sampleJoint(mixture: Mixture, params: string[], rng: Rng): TpeParams {
  const kernel = mixture.kernels[pickIndex(mixture.weights, rng)] ?? {};
  return Object.fromEntries(params.map((p) => [p, pickIndex(kernel[p] ?? [], rng)]));
}

function logPdfJoint(mixture: Mixture, x: TpeParams, params: string[]): number {
  return logSumExp(
    mixture.kernels.map((kernel, k) => Math.log(mixture.weights[k] ?? 0) + params.reduce((s, p) => s + Math.log(kernel[p]?.[x[p] ?? 0] ?? 0), 0)),
  );
}

/** One parameter's marginal mixture (univariate TPE): a categorical with the kernels summed. */
function marginal(mixture: Mixture, param: string): number[] {
  const size = mixture.kernels[0]?.[param]?.length ?? 0;
  return Array.from({ length: size }, (_, c) => mixture.kernels.reduce((s, kernel, k) => s + (mixture.weights[k] ?? 0) * (kernel[param]?.[c] ?? 0), 0));
}

export class TpeSampler {
  private readonly rng: Rng;
  private readonly history: TpeObservation[] = [];
  private readonly params: string[];
  private readonly options: Required<Omit<TpeOptions, 'seed'>>;

  constructor(
    private readonly space: CategoricalSpace,
    options: TpeOptions,
  ) {
    for (const [param, size] of Object.entries(space)) {
      if (!Number.isInteger(size) || size < 1) throw new RangeError(`TPE parameter '${param}' needs at least one choice (got ${size})`);
    }
    this.params = Object.keys(space);
    this.rng = new Rng(options.seed);
    this.options = {
      nStartupTrials: options.nStartupTrials ?? 10,
      nEiCandidates: options.nEiCandidates ?? 24,
      priorWeight: options.priorWeight ?? 1,
      multivariate: options.multivariate ?? true,
      gamma: options.gamma ?? defaultGamma,
    };
  }

  get observations(): readonly TpeObservation[] {
    return this.history;
  }

  /** Records a finished trial (a suggestion's score, or one added from outside such as a full evaluation). */
  tell(params: TpeParams, value: number): void {
    for (const p of this.params) {
      const v = params[p];
      const size = this.space[p] ?? 0;
      if (v === undefined || !Number.isInteger(v) || v < 0 || v >= size) throw new RangeError(`TPE observation has no valid '${p}' (got ${String(v)}, choices 0..${size - 1})`);
    }
    if (!Number.isFinite(value)) throw new RangeError(`TPE observation value must be finite (got ${value})`);
    this.history.push({ params: { ...params }, value });
  }

  /**
   * Whether an `ask` made with `observations` observations and pending suggestions in all would
   * draw at random (the startup phase): its answer then depends on no score, only on the seed
   * and how many asks came before it.
   */
  drawsAtRandom(observations: number): boolean {
    return observations < this.options.nStartupTrials;
  }

  /**
   * The next parameters to try. `pending` are suggestions still being scored (a batch of trials
   * run at once): they count as observations with the worst value seen so far (Optuna's
   * constant liar), so the batch spreads out instead of repeating one suggestion. The lies are
   * never stored; `tell` the real scores later.
   */
  ask(pending: readonly TpeParams[] = []): TpeParams {
    const worst = this.history.reduce((m, o) => Math.min(m, o.value), Number.POSITIVE_INFINITY);
    const view = pending.length === 0 ? this.history : [...this.history, ...pending.map((params) => ({ params, value: Number.isFinite(worst) ? worst : 0 }))];
    if (view.length < this.options.nStartupTrials) {
      return Object.fromEntries(this.params.map((p) => [p, this.rng.int(0, (this.space[p] ?? 1) - 1)]));
    }
    const { below, above } = this.split(view);
    const good = buildMixture(this.space, below, this.options.priorWeight);
    const bad = buildMixture(this.space, above, this.options.priorWeight);
    return this.options.multivariate ? this.askJoint(good, bad) : this.askEach(good, bad);
  }

  /** The best gamma(n) observations (stable: earlier wins a tie), each side kept in arrival order. */
  private split(history: readonly TpeObservation[]): { below: TpeParams[]; above: TpeParams[] } {
    const n = history.length;
    const nBelow = Math.max(1, Math.min(n, this.options.gamma(n)));
    const ranked = history.map((o, i) => ({ o, i })).sort((a, b) => b.o.value - a.o.value || a.i - b.i);
    const good = new Set(ranked.slice(0, nBelow).map((r) => r.i));
    return {
      below: history.filter((_, i) => good.has(i)).map((o) => o.params),
      above: history.filter((_, i) => !good.has(i)).map((o) => o.params),
    };
  }

  private askJoint(good: Mixture, bad: Mixture): TpeParams {
    let best: TpeParams | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.options.nEiCandidates; i++) {
      const x = sampleJoint(good, this.params, this.rng);
      const score = logPdfJoint(good, x, this.params) - logPdfJoint(bad, x, this.params);
      if (score > bestScore) {
        bestScore = score;
        best = x;
      }
    }
    return best ?? sampleJoint(good, this.params, this.rng);
  }

  private askEach(good: Mixture, bad: Mixture): TpeParams {
    const out: TpeParams = {};
    for (const p of this.params) {
      const l = marginal(good, p);
      const g = marginal(bad, p);
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < this.options.nEiCandidates; i++) {
        const c = pickIndex(l, this.rng);
        const score = Math.log(l[c] ?? 0) - Math.log(g[c] ?? 0);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      out[p] = best;
    }
    return out;
  }
}
