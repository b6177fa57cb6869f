import { useLiveQuery } from 'dexie-react-hooks';
import { corpora, type CorpusRecord } from '../../db';

/** A project's corpora (without passages), live from IndexedDB; undefined while loading. */
export function useCorpora(projectId: string | undefined): CorpusRecord[] | undefined {
  return useLiveQuery(() => (projectId ? corpora.listFor(projectId) : Promise.resolve([])), [projectId]);
}
