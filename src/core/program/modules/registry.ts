import { bestOfNModule } from './best-of-n';
import { chainOfThoughtModule } from './chain-of-thought';
import { codeModule } from './code';
import { multiChainComparisonModule } from './multi-chain-comparison';
import { predictModule } from './predict';
import { reactModule } from './react-module';
import { refineModule } from './refine';
import { retrieveModule } from './retrieve';
import type { ModuleType } from './types';

/** Every built-in module type. Adding one is a file and a line here (STYLE.md 2). */
const BUILTIN_MODULES = [
  predictModule,
  chainOfThoughtModule,
  retrieveModule,
  reactModule,
  multiChainComparisonModule,
  bestOfNModule,
  refineModule,
  codeModule,
] as const;

export type ModuleTypeId = (typeof BUILTIN_MODULES)[number]['id'];

const registry = new Map<string, ModuleType>();

export function registerModuleType(type: ModuleType): void {
  if (registry.has(type.id)) throw new Error(`module type '${type.id}' is already registered`);
  if (type.id === 'Input' || type.id === 'Output') throw new Error(`'${type.id}' is reserved for the graph's own nodes`);
  registry.set(type.id, type);
}

for (const type of BUILTIN_MODULES) registerModuleType(type);

export function getModuleType(id: string): ModuleType | undefined {
  return registry.get(id);
}

export function listModuleTypes(): ModuleType[] {
  return [...registry.values()];
}
