import { useMemo, useState } from 'react';
import { toCSV, toJSONL } from '../../core/data';
import type { Dataset } from '../../core/data/types';
import { isInputNode, isOutputNode } from '../../core/program/types';
import { datasets } from '../../db';
import { downloadText } from '../layout/download';
import { useProjectStore } from '../state/project-store';
import { QuotaHelp } from '../storage/QuotaHelp';
import { CorporaPanel } from '../corpora/CorporaPanel';
import { ColumnMapper } from './ColumnMapper';
import { DataGrid } from './DataGrid';
import { useDatasetSelection } from './selection';
import { SplitControls } from './SplitControls';
import { UploadArea, type Upload } from './UploadArea';
import { useCurrentDataset, useProjectDatasets } from './useDatasets';
import './data.css';

/** Upload, map, split, edit and export the open project's datasets. */
export function DataPanel() {
  const projectId = useProjectStore((s) => s.projectId);
  const graph = useProjectStore((s) => s.graph);
  const all = useProjectDatasets();
  const current = useCurrentDataset();
  const select = useDatasetSelection((s) => s.select);
  const [upload, setUpload] = useState<Upload>();
  const [error, setError] = useState<string>();
  const program = useMemo(
    () => ({ inputs: graph.nodes.find(isInputNode)?.fields ?? [], labels: graph.nodes.find(isOutputNode)?.fields ?? [] }),
    [graph],
  );

  if (!projectId) return <p className="data-panel">Open a project to add data.</p>;
  const save = async (dataset: Dataset) => {
    try {
      await datasets.put(projectId, dataset);
      select(dataset.id);
      setUpload(undefined);
      setError(undefined);
    } catch (e) {
      setError(`Could not save ${dataset.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="data-panel">
      <div className="row">
        {all && all.length > 1 && (
          <label className="inline">
            Dataset
            <select aria-label="Dataset" value={current?.id ?? ''} onChange={(e) => select(e.target.value)}>
              {all.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {current && (
          <>
            <span>
              {current.name}: {current.rows.length} rows
            </span>
            <button type="button" onClick={() => downloadText(`${current.name}.csv`, toCSV(current), 'text/csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => downloadText(`${current.name}.jsonl`, toJSONL(current), 'application/jsonl')}>
              Export JSONL
            </button>
          </>
        )}
      </div>
      <UploadArea onParsed={setUpload} />
      {error && (
        <p role="alert" className="error">
          {error}
          <QuotaHelp error={error} />
        </p>
      )}
      {upload && <ColumnMapper key={upload.dataset.id} dataset={upload.dataset} warnings={upload.warnings} program={program} onSave={(d) => void save(d)} onCancel={() => setUpload(undefined)} />}
      {current && !upload && (
        <>
          <SplitControls dataset={current} />
          <DataGrid dataset={current} />
        </>
      )}
      <CorporaPanel projectId={projectId} />
    </div>
  );
}
