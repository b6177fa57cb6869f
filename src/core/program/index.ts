export * from './types';
export * from './graph';
export * from './validate';
export * from './state';
export * from './execute';
export * from './modules/types';
export * from './modules/registry';
export { REASONING_FIELD } from './modules/chain-of-thought';
export * from './build';
