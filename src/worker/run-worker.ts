import { expose } from 'comlink';
import { createIndexedDbCacheStore } from '../db';
import { dbPersistence } from './db-persistence';
import { createRunDispatcher } from './dispatcher';

// Thin by design (STYLE.md 6): the dispatcher holds the logic, this file only wires the host.
expose(createRunDispatcher({ persistence: dbPersistence(), cacheStore: createIndexedDbCacheStore({ maxEntries: 20_000 }) }));
