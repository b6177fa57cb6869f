import { createOpenAIClient, type CacheStore } from '../core/lm';
import type { Embedder } from '../core/lm/types';
import { DEFAULT_EMBEDDING_MODEL } from '../core/retrieve/embedding';
import { requireFlag, UsageError } from './args';
import type { Io } from './io';
import { cacheFromFlags, type LMFlags } from './lm';

export const EMBEDDING_USAGE = `[--embedding-model M] the embeddings model for Retrieve nodes set to search: embedding that name none (default ${DEFAULT_EMBEDDING_MODEL})`;

/** What embedding search needs from the command line: the provider, the cache and the default model. */
export interface CliEmbeddings {
  /** The --base-url provider's embeddings endpoint; made on first use, so BM25-only runs never need it. */
  embedder(): Embedder;
  /** The LM file cache (unless --no-cache): passage vectors are kept there, keyed by model and text. */
  readonly cache: CacheStore | undefined;
  /** --embedding-model, else the studio's default. */
  readonly model: string;
  /** The same, searching through `embedder` instead: an optimize run's metered, budgeted one. */
  using(embedder: Embedder): CliEmbeddings;
}

export function cliEmbeddings(flags: LMFlags & { 'embedding-model'?: string }, io: Io): CliEmbeddings {
  const named = flags['embedding-model'];
  if (named !== undefined && named.trim() === '') throw new UsageError('--embedding-model is empty: name a model or leave the flag out');
  let embedder: Embedder | undefined;
  let cache: CacheStore | undefined;
  let cacheMade = false;
  const own: CliEmbeddings = {
    embedder() {
      const baseURL = requireFlag(flags['base-url'], 'base-url', 'embedding search sends the passages to that provider');
      // Its own client: the embeddings model is named per request, the chat model is not used.
      embedder ??= createOpenAIClient({ baseURL, model: requireFlag(flags.model, 'model'), apiKey: flags['api-key'] ?? io.env.OPENAI_API_KEY });
      return embedder;
    },
    get cache() {
      if (!cacheMade) {
        cache = cacheFromFlags(flags);
        cacheMade = true;
      }
      return cache;
    },
    model: named?.trim() ?? DEFAULT_EMBEDDING_MODEL,
    using(runEmbedder) {
      return {
        embedder: () => runEmbedder,
        get cache() {
          return own.cache;
        },
        model: own.model,
        using: own.using,
      };
    },
  };
  return own;
}
