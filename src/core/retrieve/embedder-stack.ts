import { abortError, isAbortError } from '../lm/abort';
import { isLMError } from '../lm/errors';
import type { PauseGate } from '../lm/scheduler-flow';
import type { Embedder } from '../lm/types';
import type { UsageMeter } from '../lm/usage';

/**
 * The embeddings counterpart of the LM stack's outer and inner layers: a run meters every
 * embeddings request (and every cache hit, as saved) in the meter its LM calls use, checks its
 * budget before each request (BudgetGuard.wrapEmbedder), and waits behind the same pause gate
 * while the host is offline. Order, as for LM calls: usage → (cache, in embedTexts) → budget → gate → transport.
 */

/** Records each request's tokens as spent and each cache hit's as saved, under the `embedding` kind. */
export function withEmbeddingUsage(embedder: Embedder, meter: UsageMeter): Embedder {
  return {
    async embed(request) {
      const response = await embedder.embed(request);
      meter.record(response.model, response.usage, false, 'embedding');
      return response;
    },
    cacheHit(model, usage) {
      meter.record(model, usage, true, 'embedding');
      embedder.cacheHit?.(model, usage);
    },
  };
}

function isUnreachable(error: unknown): boolean {
  return isLMError(error) && (error.kind === 'network' || error.kind === 'timeout');
}

/**
 * Holds each request while the gate is closed (the host is offline) and sends it when it
 * reopens. A request lost to the network because we went offline meanwhile waits and goes
 * again, without counting as a failure, exactly as an LM call behind `withFlowControl` does.
 */
export function withEmbeddingGate(embedder: Embedder, gate: PauseGate | undefined): Embedder {
  if (!gate) return embedder;
  return {
    async embed(request) {
      for (;;) {
        await gate.whenOpen(request.signal);
        try {
          return await embedder.embed(request);
        } catch (error) {
          if (isAbortError(error) || request.signal?.aborted) throw isAbortError(error) ? error : abortError(request.signal);
          if (gate.paused && isUnreachable(error)) continue;
          throw error;
        }
      }
    },
    ...(embedder.cacheHit ? { cacheHit: embedder.cacheHit.bind(embedder) } : {}),
  };
}
