import { guardWrite } from './errors';
import type { StudioDb } from './schema';

/** App-wide preferences (theme, layout sizes, last open project), keyed by name. Never secrets. */
export interface SettingsRepository {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function settingsRepository(getDb: () => StudioDb): SettingsRepository {
  return {
    async get<T>(key: string) {
      return (await getDb().settings.get(key))?.value as T | undefined;
    },

    async set(key, value) {
      await guardWrite(`save setting ${key}`, () => getDb().settings.put({ key, value }));
    },

    async remove(key) {
      await guardWrite(`delete setting ${key}`, () => getDb().settings.delete(key));
    },
  };
}
