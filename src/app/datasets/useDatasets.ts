import { useLiveQuery } from 'dexie-react-hooks';
import { datasets } from '../../db';
import type { DatasetSummary } from '../../db';
import { useProjectStore } from '../state/project-store';
import { useDatasetSelection } from './selection';

/** The open project's datasets without rows: cheap to keep live at any size. */
export function useDatasetSummaries(): DatasetSummary[] | undefined {
  const projectId = useProjectStore((s) => s.projectId);
  return useLiveQuery(() => (projectId ? datasets.summariesFor(projectId) : Promise.resolve([])), [projectId]);
}

/**
 * The selected dataset's summary, or the project's first one's. Rows are never loaded here: a
 * view reads the window, page or row it shows (datasets.rows, datasets.row), or the whole
 * dataset only when an action needs it (datasets.get on click).
 */
export function useCurrentSummary(): DatasetSummary | undefined {
  const all = useDatasetSummaries();
  const selected = useDatasetSelection((s) => s.datasetId);
  return all?.find((d) => d.id === selected) ?? all?.[0];
}
