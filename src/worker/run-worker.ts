import { expose } from 'comlink';
import { createPauseGate } from '../core/lm/scheduler-flow';
import { withEmbeddingGate } from '../core/retrieve/embedder-stack';
import { corpora, createIndexedDbCacheStore } from '../db';
import { createCodeBridge } from './code-bridge';
import { dbPersistence } from './db-persistence';
import { createRunDispatcher } from './dispatcher';
import { webRunLocks } from './resume-locks';
import { createCorpusRetrievers } from './retriever';
import { clientFor } from './clients';
import { createEmbeddingRetrievers, retrieverService } from './embedding-retrievers';

// Thin by design (STYLE.md 6): the dispatcher holds the logic, this file only wires the host.
// Going offline pauses every run's LM calls; coming back resumes them where they stopped.
const gate = createPauseGate(self.navigator.onLine === false);
const onlineChanged = (online: boolean) => (online ? gate.resume() : gate.pause());
self.addEventListener('offline', () => onlineChanged(false));
self.addEventListener('online', () => onlineChanged(true));

// User code runs in the page's sandbox, lent to the worker over comlink (code-bridge.ts).
const code = createCodeBridge();
// Retrieve's corpora: indexes loaded from IndexedDB (or built and stored), kept for every run.
const retrievers = createCorpusRetrievers(corpora);
// One LM cache for the run's calls and for the passage vectors of embedding search.
// Vectors have their own entry limit in it (see lm-cache.ts), so a large corpus keeps LM replies.
const cacheStore = createIndexedDbCacheStore({ maxEntries: 20_000 });

expose({
  ...createRunDispatcher({
    persistence: dbPersistence(),
    cacheStore,
    locks: webRunLocks(),
    gate,
    onlineChanged,
    // Embedding search goes to the run's own provider (its task client serves embeddings): a
    // run hands over its metered embedder (budgeted too in an optimize run); replays get the
    // bare client behind the offline gate.
    services: (command, embedder) => ({
      code: code.runner,
      ...retrieverService(
        retrievers.retriever,
        createEmbeddingRetrievers({ source: corpora, embedder: embedder ?? withEmbeddingGate(clientFor(command.provider, command.provider.taskModel), gate), cache: cacheStore }),
      ),
    }),
  }),
  provideCodeRunner: code.provide,
});
