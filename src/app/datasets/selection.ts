import { create } from 'zustand';

interface DatasetSelection {
  datasetId: string | undefined;
  select(id: string | undefined): void;
}

/** Which dataset the Data and Runs panels work on. View state: not undoable, not saved. */
export const useDatasetSelection = create<DatasetSelection>((set) => ({
  datasetId: undefined,
  select: (datasetId) => set({ datasetId }),
}));
