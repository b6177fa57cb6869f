import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Example } from '../../../core/data/types';
import type { ModuleNode, Prediction } from '../../../core/program/types';
import { datasets } from '../../../db';
import { useCurrentSummary } from '../../datasets/useDatasets';
import { cellText } from '../../datasets/cell';
import { activeProviderSpec } from '../../providers/store';
import { clientFor } from '../../../worker/clients';
import { pageRetrievers } from '../../corpora/corpus-client';
import { TraceSteps } from '../../runs/TraceSteps';
import { pageCodeRunner } from '../../sandbox/page-runner';
import { parseInputs, runModuleAlone } from './run-module';
import { useEscape } from '../../layout/useEscape';

/** The rows offered to fill the inputs from: the dataset's first ones, never all of them. */
const CHOOSABLE_ROWS = 500;

type Status = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; prediction: Prediction } | { kind: 'failed'; error: string };

/** Runs one module alone on typed-in inputs or a dataset row, on the active provider, and shows the exact prompt and reply. */
export function RunWithInputDialog({ node, onClose }: { node: ModuleNode; onClose(): void }) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const dataset = useCurrentSummary();
  const rows = useLiveQuery(() => (dataset ? datasets.rows(dataset.id, { offset: 0, limit: CHOOSABLE_ROWS }) : Promise.resolve([])), [dataset?.id]);
  // A row fills the inputs whose names are dataset columns; the others stay as typed.
  const fill = (row: Example) => {
    const filled = { ...texts };
    for (const f of node.signature.inputs) if (f.name in row.data) filled[f.name] = cellText(row.data[f.name]);
    setTexts(filled);
  };
  const fillFromRow = (rowId: string) => {
    const row = rows?.find((r) => r.id === rowId);
    if (row) fill(row);
  };
  // Any row of a big dataset by its position: one page is read, not the dataset.
  const [rowNumber, setRowNumber] = useState('');
  const [rowError, setRowError] = useState<string>();
  const fillFromNumber = async () => {
    if (!dataset) return;
    const n = Number(rowNumber);
    if (!Number.isInteger(n) || n < 1 || n > dataset.rowCount) {
      setRowError(`${dataset.name} has rows 1 to ${dataset.rowCount}; "${rowNumber}" is not one of them`);
      return;
    }
    setRowError(undefined);
    const [row] = await datasets.rows(dataset.id, { offset: n - 1, limit: 1 });
    if (row) fill(row);
  };
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  useEscape(onClose);

  const run = async () => {
    const parsed = parseInputs(node.signature.inputs, texts);
    if (!parsed.ok) return setStatus({ kind: 'failed', error: parsed.error });
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running' });
    try {
      const spec = activeProviderSpec();
      // Retrieve searches the project's stored corpora; Code and ReAct tools run in the page's sandbox.
      const client = clientFor(spec, spec.taskModel);
      // Embedding search asks the same provider's embeddings endpoint.
      const services = { ...pageRetrievers(client), code: pageCodeRunner };
      const prediction = await runModuleAlone(node, parsed.values, client, controller.signal, services);
      if (!controller.signal.aborted) setStatus({ kind: 'done', prediction });
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal run-dialog" role="dialog" aria-modal="true" aria-labelledby="run-title">
        <header className="modal-header">
          <h2 id="run-title">Run {node.name} with input</h2>
          <button type="button" className="ghost" onClick={onClose}>Close</button>
        </header>
        <form onSubmit={(e) => { e.preventDefault(); void run(); }}>
          {dataset && rows && rows.length > 0 && (
            <label>
              Fill from a dataset row
              <select value="" onChange={(e) => fillFromRow(e.target.value)}>
                <option value="">Choose a row of {dataset.name}{dataset.rowCount > rows.length ? ` (the first ${rows.length})` : ''}…</option>
                {rows.map((r) => (
                  <option key={r.id} value={r.id}>{r.id}</option>
                ))}
              </select>
            </label>
          )}
          {dataset && dataset.rowCount > 0 && (
            <div className="inline">
              <label>
                Row number
                <input className="narrow" type="number" min={1} max={dataset.rowCount} value={rowNumber} placeholder={`1–${dataset.rowCount}`}
                  onChange={(e) => setRowNumber(e.target.value)}
                  // Enter fills from the row here; it does not run the module.
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    void fillFromNumber();
                  }}
                />
              </label>
              <button type="button" onClick={() => void fillFromNumber()} disabled={rowNumber.trim() === ''}>
                Fill from row number
              </button>
            </div>
          )}
          {rowError && <p className="error" role="alert">{rowError}</p>}
          {node.signature.inputs.map((f) => (
            <label key={f.name}>
              {f.name} ({f.type})
              <textarea rows={2} value={texts[f.name] ?? ''} onChange={(e) => setTexts({ ...texts, [f.name]: e.target.value })} />
            </label>
          ))}
          <button type="submit" disabled={status.kind === 'running'}>{status.kind === 'running' ? 'Running…' : 'Run'}</button>
        </form>
        {status.kind === 'failed' && <p className="error" role="alert">{status.error}</p>}
        {status.kind === 'done' && <PredictionView prediction={status.prediction} />}
      </div>
    </div>
  );
}

function PredictionView({ prediction }: { prediction: Prediction }) {
  return (
    <section aria-label="Result" className="run-result">
      {prediction.error ? (
        <p className="error" role="alert">{prediction.error}</p>
      ) : (
        <dl className="outputs">
          {Object.entries(prediction.outputs).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd><pre>{typeof value === 'string' ? value : JSON.stringify(value)}</pre></dd>
            </div>
          ))}
        </dl>
      )}
      <TraceSteps trace={prediction.trace} label="Steps" />
    </section>
  );
}
