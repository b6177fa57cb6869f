import { useEffect, useMemo, useState } from 'react';
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
import type { ColumnMapping } from './mapping';
import { useCurrentSummary, useDatasetSummaries } from './useDatasets';
import './data.css';

/** Upload, map, split, edit and export the open project's datasets. */
export function DataPanel() {
  const projectId = useProjectStore((s) => s.projectId);
  const graph = useProjectStore((s) => s.graph);
  const all = useDatasetSummaries();
  const current = useCurrentSummary();
  const select = useDatasetSelection((s) => s.select);
  const [upload, setUpload] = useState<Upload>();
  const [saving, setSaving] = useState<number>();
  const [error, setError] = useState<string>();
  // A replaced, saved or abandoned upload lets its parsed rows (and worker) go.
  useEffect(() => () => upload?.discard(), [upload]);
  const program = useMemo(
    () => ({ inputs: graph.nodes.find(isInputNode)?.fields ?? [], labels: graph.nodes.find(isOutputNode)?.fields ?? [] }),
    [graph],
  );

  if (!projectId) return <p className="data-panel">Open a project to add data.</p>;
  const save = async (pending: Upload, mapping: ColumnMapping) => {
    setSaving(0);
    try {
      select(await pending.save(projectId, mapping, program, setSaving));
      setUpload(undefined);
      setError(undefined);
    } catch (e) {
      setError(`Could not save ${pending.preview.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(undefined);
    }
  };
  // Exports read the whole dataset when asked, not on every render.
  const exportAs = async (id: string, write: (dataset: Dataset) => void) => {
    const dataset = await datasets.get(id);
    if (dataset) write(dataset);
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
              {current.name}: {current.rowCount} rows
            </span>
            <button type="button" onClick={() => void exportAs(current.id, (d) => downloadText(`${d.name}.csv`, toCSV(d), 'text/csv'))}>
              Export CSV
            </button>
            <button type="button" onClick={() => void exportAs(current.id, (d) => downloadText(`${d.name}.jsonl`, toJSONL(d), 'application/jsonl'))}>
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
      {upload && (
        <ColumnMapper
          key={upload.preview.id}
          dataset={upload.preview}
          rowCount={upload.rowCount}
          warnings={upload.warnings}
          program={program}
          saving={saving}
          onSave={(mapping) => void save(upload, mapping)}
          onCancel={() => setUpload(undefined)}
        />
      )}
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
