import type { Metric } from '../types';

/** A metric whose id is a string literal, so the registry can derive the `MetricId` union. */
export type DefinedMetric<Id extends string> = Metric & { readonly id: Id };

export function defineMetric<const Id extends string>(metric: DefinedMetric<Id>): DefinedMetric<Id> {
  return metric;
}
