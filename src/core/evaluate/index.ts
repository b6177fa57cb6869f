export type {
  EvaluateOptions,
  EvaluationProgress,
  EvaluationResult,
  EvaluationStop,
  ExampleResult,
  Metric,
  MetricContext,
  MetricResult,
  RunExample,
} from './types';
export { evaluate, DEFAULT_CONCURRENCY, DEFAULT_MAX_ERRORS } from './evaluate';
export { MetricRegistry, getMetric, isMetricId, listMetrics, registerMetric } from './metrics/registry';
export type { MetricId } from './metrics/registry';
export { defineMetric } from './metrics/define';
export { normalizeText } from './metrics/text';
