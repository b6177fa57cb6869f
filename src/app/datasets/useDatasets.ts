import { useLiveQuery } from 'dexie-react-hooks';
import { datasets } from '../../db';
import type { DatasetRecord, DatasetSummary } from '../../db';
import { useProjectStore } from '../state/project-store';
import { useDatasetSelection } from './selection';

/** The open project's datasets, live from IndexedDB; undefined while loading. */
export function useProjectDatasets(): DatasetRecord[] | undefined {
  const projectId = useProjectStore((s) => s.projectId);
  return useLiveQuery(() => (projectId ? datasets.listFor(projectId) : Promise.resolve([])), [projectId]);
}

/** The selected dataset, or the project's first one. */
export function useCurrentDataset(): DatasetRecord | undefined {
  const all = useProjectDatasets();
  const selected = useDatasetSelection((s) => s.datasetId);
  return all?.find((d) => d.id === selected) ?? all?.[0];
}

/** The open project's datasets without rows: cheap to keep live at any size. */
export function useDatasetSummaries(): DatasetSummary[] | undefined {
  const projectId = useProjectStore((s) => s.projectId);
  return useLiveQuery(() => (projectId ? datasets.summariesFor(projectId) : Promise.resolve([])), [projectId]);
}

/** The selected dataset's summary, or the project's first one's (same choice as useCurrentDataset). */
export function useCurrentSummary(): DatasetSummary | undefined {
  const all = useDatasetSummaries();
  const selected = useDatasetSelection((s) => s.datasetId);
  return all?.find((d) => d.id === selected) ?? all?.[0];
}
