import { studioDb, type StudioDb } from '../../db';
import { approximateRowBytes, type CacheStats } from './storage-text';

/** Counts the LM cache's entries and adds up their approximate size (one pass, read only). */
export async function lmCacheStats(getDb: () => StudioDb = studioDb): Promise<CacheStats> {
  let entries = 0;
  let bytes = 0;
  await getDb().lmCache.each((row) => {
    entries++;
    bytes += approximateRowBytes(row.key, row.entry);
  });
  return { entries, bytes };
}

/** Deletes every cached LM response; returns how many there were. Runs and trials are kept. */
export async function clearLmCache(getDb: () => StudioDb = studioDb): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.lmCache, async () => {
    const count = await db.lmCache.count();
    await db.lmCache.clear();
    return count;
  });
}
