import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { defaultGamma, defaultWeights, TpeSampler, type TpeParams } from './tpe';

/** Runs `trials` ask/tell rounds and returns the suggestions made after the startup phase. */
function optimize(sampler: TpeSampler, objective: (p: TpeParams) => number, trials: number): TpeParams[] {
  const picks: TpeParams[] = [];
  for (let t = 0; t < trials; t++) {
    const params = sampler.ask();
    if (t >= 10) picks.push(params);
    sampler.tell(params, objective(params));
  }
  return picks;
}

describe('TpeSampler', () => {
  it("follows Optuna's defaults for gamma and weights", () => {
    expect([1, 10, 11, 100, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25]);
    expect(defaultWeights(3)).toEqual([1, 1, 1]);
    const w = defaultWeights(30);
    expect(w).toHaveLength(30);
    expect(w[0]).toBeCloseTo(1 / 30);
    expect(w.slice(5)).toEqual(Array.from({ length: 25 }, () => 1));
  });

  it('samples uniformly at random during the startup trials', () => {
    const sampler = new TpeSampler({ a: 4 }, { seed: 1, nStartupTrials: 1000 });
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) {
      const { a } = sampler.ask();
      counts[a ?? 0]!++;
      sampler.tell({ a: a ?? 0 }, a === 2 ? 1 : 0);
    }
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });

  it('concentrates on a clearly better category after the startup trials', () => {
    const noise = new Rng(5);
    const objective = (p: TpeParams) => (p.a === 3 ? 0.8 : 0.3) + noise.next() * 0.1;
    for (const multivariate of [true, false]) {
      const picks = optimize(new TpeSampler({ a: 6 }, { seed: 11, multivariate }), objective, 70);
      const share = picks.filter((p) => p.a === 3).length / picks.length;
      // Uniform sampling would pick it 1 time in 6.
      expect(share).toBeGreaterThan(0.5);
    }
  });

  it('finds the best joint combination of two parameters (multivariate)', () => {
    const objective = (p: TpeParams) => (p.instr === 2 && p.demos === 4 ? 0.9 : p.instr === 2 || p.demos === 4 ? 0.5 : 0.2);
    const picks = optimize(new TpeSampler({ instr: 3, demos: 6 }, { seed: 3 }), objective, 60);
    const share = picks.filter((p) => p.instr === 2 && p.demos === 4).length / picks.length;
    expect(share).toBeGreaterThan(0.4);
  });

  it('asks a batch at once with pending suggestions as constant lies, storing only real scores', () => {
    const noise = new Rng(5);
    const objective = (p: TpeParams) => (p.a === 3 ? 0.8 : 0.3) + noise.next() * 0.1;
    const sampler = new TpeSampler({ a: 6 }, { seed: 11 });
    const picks: TpeParams[] = [];
    for (let round = 0; round < 14; round++) {
      const batch: TpeParams[] = [];
      for (let k = 0; k < 5; k++) batch.push(sampler.ask(batch));
      expect(sampler.observations).toHaveLength(round * 5);
      if (round >= 2) picks.push(...batch);
      for (const params of batch) sampler.tell(params, objective(params));
    }
    expect(picks.filter((p) => p.a === 3).length / picks.length).toBeGreaterThan(0.4);
    expect(new Set(picks.map((p) => p.a)).size).toBeGreaterThan(1);
  });

  it('is deterministic for a seed and history', () => {
    const objective = (p: TpeParams) => ((p.a ?? 0) * 7 + (p.b ?? 0)) % 5;
    const run = (seed: number) => optimize(new TpeSampler({ a: 5, b: 3 }, { seed }), objective, 30);
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it('rejects an empty parameter and observations outside the space', () => {
    expect(() => new TpeSampler({ a: 0 }, { seed: 1 })).toThrow("TPE parameter 'a' needs at least one choice");
    const sampler = new TpeSampler({ a: 2 }, { seed: 1 });
    expect(() => sampler.tell({ a: 2 }, 1)).toThrow("no valid 'a'");
    expect(() => sampler.tell({}, 1)).toThrow("no valid 'a'");
    expect(() => sampler.tell({ a: 1 }, Number.NaN)).toThrow('must be finite');
  });
});
