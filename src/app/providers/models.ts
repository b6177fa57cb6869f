import { QueryClient, useQuery } from '@tanstack/react-query';
import { clientFor } from '../../worker/clients';
import { DEMO_PROVIDER_ID, type ProviderRecord } from './presets';

/** One client for the studio's provider queries; failures show at once rather than retrying a bad key. */
export const providerQueryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

export async function listModelsOf(record: ProviderRecord, key: string | undefined, signal?: AbortSignal): Promise<string[]> {
  // listModels ignores the model; the client only insists on having one.
  const client = record.id === DEMO_PROVIDER_ID
    ? clientFor({ kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, 'sim-1')
    : clientFor({ kind: 'http', baseURL: record.baseURL, taskModel: 'any', ...(key ? { apiKey: key } : {}) }, 'any');
  return client.listModels(signal);
}

/**
 * The provider's model list, fetched on demand ("Test connection"). The query key names the
 * provider and its URL, never the key: query keys are visible in devtools.
 */
export function useModelList(record: ProviderRecord, key: string | undefined) {
  return useQuery({
    queryKey: ['models', record.id, record.baseURL],
    queryFn: ({ signal }) => listModelsOf(record, key, signal),
    enabled: false,
    staleTime: 60_000,
  }, providerQueryClient);
}
