import { useLiveQuery } from 'dexie-react-hooks';
import { projects, type ProjectRecord } from '../../db';

/** Every project, newest edit first; undefined while the first read is under way. */
export function useProjectList(): ProjectRecord[] | undefined {
  return useLiveQuery(() => projects.list(), []);
}
