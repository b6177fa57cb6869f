import { chatAdapter } from './chat';
import { jsonAdapter } from './json';
import type { Adapter, AdapterName } from './types';

/** Every adapter by name; `satisfies` makes a missing or extra name a type error. */
export const ADAPTERS = { chat: chatAdapter, json: jsonAdapter } as const satisfies Record<AdapterName, Adapter>;

export function getAdapter(name: AdapterName): Adapter {
  return ADAPTERS[name];
}
