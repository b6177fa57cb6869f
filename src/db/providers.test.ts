import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbQuotaError } from './errors';
import { providersRepository } from './providers';
import type { ProviderRecord } from './records';
import type { StudioDb } from './schema';
import { settingsRepository } from './settings';
import { DROPPED_TABLES, TABLES } from './schema';
import { failWritesWithQuota, freshDb } from './test-support';

let db: StudioDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const KEY = 'sk-test-1234567890abcdef';

/** Every row of every table as text, to search for a leaked key. */
async function everythingStored(): Promise<string> {
  const tables = await Promise.all(Object.values(TABLES).filter((name) => !DROPPED_TABLES.includes(name)).map((name) => db.table(name).toArray()));
  return JSON.stringify(tables);
}
const openai = (remember: boolean): ProviderRecord => ({
  id: 'openai',
  name: 'OpenAI',
  baseURL: 'https://api.openai.com/v1',
  models: ['gpt-4o-mini', 'gpt-4o'],
  taskModel: 'gpt-4o-mini',
  promptModel: 'gpt-4o',
  apiKey: KEY,
  remember,
});

describe('providers repository', () => {
  it('stores the key when the user asked to remember it', async () => {
    const repo = providersRepository(() => db);
    await repo.put(openai(true));
    expect(await repo.get('openai')).toEqual(openai(true));
  });

  it('stores no apiKey field at all when remember is off', async () => {
    const repo = providersRepository(() => db);
    await repo.put(openai(false));
    const raw = await db.providers.get('openai');
    expect(raw).toBeDefined();
    expect(Object.hasOwn(raw!, 'apiKey')).toBe(false);
    expect(await everythingStored()).not.toContain(KEY);
  });

  it('forgets a remembered key when remember is switched off', async () => {
    const repo = providersRepository(() => db);
    await repo.put(openai(true));
    await repo.put(openai(false));
    expect(await everythingStored()).not.toContain(KEY);
    expect((await repo.list()).map((p) => p.id)).toEqual(['openai']);
  });

  it('lists by name and removes', async () => {
    const repo = providersRepository(() => db);
    await repo.put({ id: 'z', name: 'Ollama (localhost)', baseURL: 'http://localhost:11434/v1', models: [], remember: false });
    await repo.put(openai(false));
    expect((await repo.list()).map((p) => p.name)).toEqual(['Ollama (localhost)', 'OpenAI']);
    await repo.remove('openai');
    expect((await repo.list()).map((p) => p.id)).toEqual(['z']);
  });

  it('never puts the key into a quota error', async () => {
    failWritesWithQuota(db, 'providers');
    const error = await providersRepository(() => db).put(openai(true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbQuotaError);
    expect(String((error as Error).message)).not.toContain(KEY);
    expect(await db.providers.count()).toBe(0);
  });
});

describe('settings repository', () => {
  it('stores, reads and removes values by key', async () => {
    const repo = settingsRepository(() => db);
    expect(await repo.get('theme')).toBeUndefined();
    await repo.set('theme', 'dark');
    await repo.set('panel', { bottom: 320 });
    expect(await repo.get<string>('theme')).toBe('dark');
    expect(await repo.get('panel')).toEqual({ bottom: 320 });
    await repo.remove('theme');
    expect(await repo.get('theme')).toBeUndefined();
  });
});
