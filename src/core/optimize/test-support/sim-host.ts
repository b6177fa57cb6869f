import { createSimFetch } from '../../../sim';
import type { MemoryCacheStore } from '../../lm/cache-store';
import { createOpenAIClient } from '../../lm/openai-client';
import type { LM } from '../../lm/types';
import type { RunEvent } from '../events';

/**
 * A run host on the in-page simulated LM, for optimizer tests. It counts first attempts (chat
 * format: no response_format) apart from JSON-adapter retries, and offers the sim's embeddings.
 */
export function simHost(events: RunEvent[], counter = { runs: 0, retries: 0 }, cache?: MemoryCacheStore) {
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  const taskClient: LM = {
    model: client.model,
    complete(request) {
      if (request.responseFormat) counter.retries++;
      else counter.runs++;
      return client.complete(request);
    },
  };
  return { taskClient, embedder: client, cacheStore: cache, emit: (e: RunEvent) => events.push(e) };
}
