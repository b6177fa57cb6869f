import type { Metric } from '../types';
import { contains } from './contains';
import { customMetric } from './custom';
import { exactMatch } from './exact-match';
import { f1 } from './f1';
import { llmJudge } from './llm-judge';
import { numeric } from './numeric';

/** The built-in metrics; adding one is a file in this folder plus an entry here. */
const BUILTIN_METRICS = [exactMatch, f1, contains, numeric, llmJudge, customMetric] as const;

export type MetricId = (typeof BUILTIN_METRICS)[number]['id'];

/** Metrics by id, in registration order. Rejects a second metric with the same id. */
export class MetricRegistry {
  private readonly metrics = new Map<string, Metric>();

  register(metric: Metric): void {
    if (this.metrics.has(metric.id)) throw new Error(`a metric with id '${metric.id}' is already registered`);
    this.metrics.set(metric.id, metric);
  }

  get(id: string): Metric | undefined {
    return this.metrics.get(id);
  }

  list(): Metric[] {
    return [...this.metrics.values()];
  }
}

const registry = new MetricRegistry();
for (const metric of BUILTIN_METRICS) registry.register(metric);

/** Adds a metric (e.g. a user's custom one) to the shared registry. */
export function registerMetric(metric: Metric): void {
  registry.register(metric);
}

export function getMetric(id: MetricId): Metric;
export function getMetric(id: string): Metric | undefined;
export function getMetric(id: string): Metric | undefined {
  return registry.get(id);
}

export function listMetrics(): Metric[] {
  return registry.list();
}

export function isMetricId(id: string): id is MetricId {
  return BUILTIN_METRICS.some((m) => m.id === id);
}
