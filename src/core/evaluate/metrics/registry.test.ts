import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Metric } from '../types';
import { MetricRegistry, getMetric, isMetricId, listMetrics, registerMetric } from './registry';
import type { MetricId } from './registry';

const custom = (id: string): Metric => ({ id, name: id, description: 'test metric', score: () => ({ score: 1 }) });

describe('metric registry', () => {
  it('holds the built-in metrics in order, each with a name and description', () => {
    expect(listMetrics().map((m) => m.id)).toEqual(['exact-match', 'f1', 'contains', 'numeric', 'llm-judge', 'custom']);
    for (const m of listMetrics()) expect(m.name.length * m.description.length).toBeGreaterThan(0);
    expect(getMetric('llm-judge').needsLM).toBe(true);
  });

  it('derives MetricId from the registered set', () => {
    expectTypeOf<'f1'>().toExtend<MetricId>();
    expectTypeOf<'nope'>().not.toExtend<MetricId>();
    expect(isMetricId('numeric')).toBe(true);
    expect(isMetricId('nope')).toBe(false);
  });

  it('registers new metrics and rejects a duplicate id', () => {
    registerMetric(custom('my-metric'));
    expect(getMetric('my-metric')?.description).toBe('test metric');
    expect(() => registerMetric(custom('my-metric'))).toThrow("a metric with id 'my-metric' is already registered");
    expect(() => registerMetric(custom('f1'))).toThrow("a metric with id 'f1' is already registered");
    expect(getMetric('missing')).toBeUndefined();
  });

  it('keeps separate registries apart', () => {
    const registry = new MetricRegistry();
    registry.register(custom('a'));
    expect(registry.list().map((m) => m.id)).toEqual(['a']);
    expect(getMetric('a')).toBeUndefined();
  });
});
