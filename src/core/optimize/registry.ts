import { labeledFewShot } from './labeled-fewshot';
import type { Optimizer } from './types';

/** Every built-in optimizer. Adding one is a file and a line here (STYLE.md 2). */
const BUILTIN_OPTIMIZERS = [labeledFewShot] as const;

export type OptimizerId = (typeof BUILTIN_OPTIMIZERS)[number]['id'];

// Stored with their config type erased: callers validate configs through `optimizer.config`.
const registry = new Map<string, Optimizer<unknown>>();

export function registerOptimizer<C>(optimizer: Optimizer<C>): void {
  if (registry.has(optimizer.id)) throw new Error(`optimizer '${optimizer.id}' is already registered`);
  registry.set(optimizer.id, optimizer as unknown as Optimizer<unknown>);
}

for (const optimizer of BUILTIN_OPTIMIZERS) registerOptimizer(optimizer);

export function getOptimizer(id: string): Optimizer<unknown> | undefined {
  return registry.get(id);
}

export function listOptimizers(): Optimizer<unknown>[] {
  return [...registry.values()];
}
