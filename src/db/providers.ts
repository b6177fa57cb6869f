import { guardWrite } from './errors';
import type { ProviderRecord } from './records';
import type { StudioDb } from './schema';

export interface ProvidersRepository {
  /** In name order. */
  list(): Promise<ProviderRecord[]>;
  get(id: string): Promise<ProviderRecord | undefined>;
  /** Creates or replaces. The API key is written only when `remember` is true. */
  put(provider: ProviderRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The record as it may be stored: without `remember`, no `apiKey` property at all. */
export function storableProvider(provider: ProviderRecord): ProviderRecord {
  const { apiKey, ...rest } = provider;
  return provider.remember && apiKey !== undefined && apiKey !== '' ? { ...rest, apiKey } : rest;
}

export function providersRepository(getDb: () => StudioDb): ProvidersRepository {
  return {
    async list() {
      return (await getDb().providers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    },

    async get(id) {
      return getDb().providers.get(id);
    },

    async put(provider) {
      // Named by id only: the error must never carry the record, which may hold a key.
      await guardWrite(`save provider ${provider.id}`, () => getDb().providers.put(storableProvider(provider)));
    },

    async remove(id) {
      await guardWrite(`delete provider ${id}`, () => getDb().providers.delete(id));
    },
  };
}
