import { describe, expect, it } from 'vitest';
import { autoTrials, gepaConfig, gepaPlan, metricBudget } from './gepa-config';

const sizes = { train: 40, val: 30, predictors: 1 };

describe('gepa config', () => {
  it("fills DSPy's defaults", () => {
    expect(gepaConfig.parse({ auto: 'light' })).toEqual({
      auto: 'light',
      reflection_minibatch_size: 3,
      candidate_selection_strategy: 'pareto',
      component_selector: 'round_robin',
      use_merge: true,
      max_merge_invocations: 5,
      skip_perfect_score: true,
      perfect_score: 1,
    });
  });

  it('needs exactly one budget', () => {
    expect(gepaConfig.safeParse({}).success).toBe(false);
    expect(gepaConfig.safeParse({ auto: 'heavy', max_full_evals: 2 }).success).toBe(false);
    expect(gepaConfig.safeParse({ max_full_evals: 2 }).success).toBe(true);
  });
});

describe('gepa budget', () => {
  it("uses DSPy's trial count for n candidates", () => {
    expect([6, 12, 18].map((n) => autoTrials(1, n))).toEqual([10, 18, 27]);
    expect(autoTrials(3, 6)).toBe(31);
  });

  it('prices auto as V + N·2R + n·V + K·(5+V), so the reflection minibatch size counts (dspy#10245)', () => {
    const light = gepaConfig.parse({ auto: 'light' });
    expect(metricBudget(light, sizes)).toBe(30 + 10 * 2 * 3 + 6 * 30 + 5 * (5 + 30));
    const bigger = gepaConfig.parse({ auto: 'light', reflection_minibatch_size: 10 });
    expect(metricBudget(bigger, sizes)).toBe(30 + 10 * 2 * 10 + 6 * 30 + 5 * 35);
    const noMerge = gepaConfig.parse({ auto: 'medium', use_merge: false });
    expect(metricBudget(noMerge, sizes)).toBe(30 + 18 * 6 + 12 * 30);
  });

  it("counts max_full_evals as passes over train + val, as DSPy, and takes max_metric_calls as given", () => {
    expect(metricBudget(gepaConfig.parse({ max_full_evals: 3 }), sizes)).toBe(3 * 70);
    expect(metricBudget(gepaConfig.parse({ max_metric_calls: 123 }), sizes)).toBe(123);
  });

  it('plans one run per metric call and at most one reflection per 2R metric calls after the seed', () => {
    const plan = gepaPlan(gepaConfig.parse({ max_metric_calls: 300 }), sizes);
    expect(plan.taskRuns).toBe(300);
    expect(plan.taskCalls).toBe(300);
    expect(plan.promptCalls).toBe(Math.floor((300 - 30) / 6));
    const all = gepaPlan(gepaConfig.parse({ max_metric_calls: 300, component_selector: 'all' }), { ...sizes, predictors: 2 });
    expect(all.promptCalls).toBe(2 * Math.floor((300 - 30) / 6));
    expect(all.taskCalls).toBe(600);
  });
});
