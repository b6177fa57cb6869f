import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { datasets, DbConflictError } from '../../db';
import type { DatasetSummary } from '../../db';
import type { Example } from '../../core/data/types';
import type { Field } from '../../core/signature/types';
import { cellText, parseCell } from './cell';
import { useRowWindow } from './useRowWindow';

const ROW_HEIGHT = 32;

function Cell({ datasetId, row, field, onError }: { datasetId: string; row: Example; field: Field; onError: (message: string | undefined) => void }) {
  const shown = cellText(row.data[field.name]);
  const commit = (text: string) => {
    if (text === shown) return;
    const parsed = parseCell(text, field);
    if (!parsed.ok) return onError(`${row.id}: ${parsed.message}`);
    onError(undefined);
    datasets.updateRow(datasetId, row.id, { [field.name]: parsed.value }).catch((error: unknown) => onError(`could not save ${row.id}: ${error instanceof Error ? error.message : String(error)}`));
  };
  return (
    <div role="gridcell" className="cell">
      <input
        key={shown}
        defaultValue={shown}
        aria-label={`${field.name} of ${row.id}`}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </div>
  );
}

/** Appends an empty row named row-N with the first N (from the row count on) no row has yet. */
async function appendRow(dataset: DatasetSummary): Promise<void> {
  const data = Object.fromEntries(dataset.fields.map((f) => [f.name, f.type === 'str' ? '' : null]));
  for (let n = dataset.rowCount + 1; ; n++) {
    try {
      return await datasets.addRow(dataset.id, { id: `row-${n}`, data, split: 'train' });
    } catch (e) {
      if (!(e instanceof DbConflictError) || n > dataset.rowCount + 1000) throw e;
    }
  }
}

/**
 * Every row, virtualized so 100k rows scroll smoothly: only the rows in view (and a margin) are
 * read from IndexedDB, a page at a time. Cells save on blur or Enter.
 */
export function DataGrid({ dataset }: { dataset: DatasetSummary }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const virtualizer = useVirtualizer({ count: dataset.rowCount, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const rowAt = useRowWindow(dataset.id, dataset.rowCount, items[0]?.index ?? 0, (items.at(-1)?.index ?? 0) + 1);
  const template = `90px 56px repeat(${dataset.fields.length}, minmax(120px, 1fr)) 40px`;
  const addRow = () => {
    appendRow(dataset).catch((e: unknown) => setError(`could not add a row: ${e instanceof Error ? e.message : String(e)}`));
  };
  return (
    <div className="data-grid-wrap">
      <div role="grid" aria-label={`Rows of ${dataset.name}`} aria-rowcount={dataset.rowCount + 1} className="data-grid">
        <div role="row" className="grid-row header" style={{ gridTemplateColumns: template }}>
          <div role="columnheader">Row</div>
          <div role="columnheader">Split</div>
          {dataset.fields.map((f) => (
            <div role="columnheader" key={f.name}>
              {f.name} <span className="hint">{dataset.inputKeys.includes(f.name) ? 'input' : 'label'} · {f.type}</span>
            </div>
          ))}
          <div role="columnheader" aria-label="Actions" />
        </div>
        <div ref={scroller} className="grid-body">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              const place = { gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` } as const;
              if (!row) {
                return (
                  <div role="row" key={`loading-${item.index}`} aria-rowindex={item.index + 2} aria-busy="true" className="grid-row" style={place}>
                    <div role="rowheader">…</div>
                  </div>
                );
              }
              return (
                <div role="row" key={row.id} aria-rowindex={item.index + 2} className="grid-row" style={place}>
                  <div role="rowheader">{row.id}</div>
                  <div role="gridcell">{row.split ?? '—'}</div>
                  {dataset.fields.map((f) => (
                    <Cell key={f.name} datasetId={dataset.id} row={row} field={f} onError={setError} />
                  ))}
                  <div role="gridcell">
                    <button type="button" className="link" aria-label={`Delete ${row.id}`} onClick={() => void datasets.removeRow(dataset.id, row.id)}>
                      ✕
                    </button>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="row">
        <button type="button" onClick={addRow}>
          Add row
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}
