import { bootstrapFinetune } from './bootstrap-finetune';
import { bootstrapFewShot } from './bootstrap-fewshot';
import { copro } from './copro';
import { ensemble } from './ensemble';
import { gepa } from './gepa';
import { knnFewShot } from './knn-fewshot';
import { labeledFewShot } from './labeled-fewshot';
import { miprov2 } from './miprov2';
import { randomSearch } from './random-search';
import { simba } from './simba';
import type { Optimizer } from './types';

/** Every built-in optimizer. Adding one is a file and a line here (STYLE.md 2). */
const BUILTIN_OPTIMIZERS = [labeledFewShot, bootstrapFewShot, randomSearch, knnFewShot, ensemble, copro, miprov2, gepa, simba, bootstrapFinetune] as const;

export type OptimizerId = (typeof BUILTIN_OPTIMIZERS)[number]['id'];

// Stored with their config type erased: callers validate configs through `optimizer.config`.
const registry = new Map<string, Optimizer<unknown>>();

export function registerOptimizer<C>(optimizer: Optimizer<C>): void {
  if (registry.has(optimizer.id)) throw new Error(`optimizer '${optimizer.id}' is already registered`);
  registry.set(optimizer.id, optimizer as unknown as Optimizer<unknown>);
}

// Each entry has its own config type; the union cannot infer one `C`, so each goes in erased.
for (const optimizer of BUILTIN_OPTIMIZERS) registerOptimizer(optimizer as unknown as Optimizer<unknown>);

export function getOptimizer(id: string): Optimizer<unknown> | undefined {
  return registry.get(id);
}

export function listOptimizers(): Optimizer<unknown>[] {
  return [...registry.values()];
}
