import { transfer, wrap } from 'comlink';
import { parseDataset, type ImportError } from '../../core/data';
import type { Dataset } from '../../core/data/types';
import { datasets } from '../../db';
import type { ImportWorkerApi, WorkerParse } from './import-worker';
import { applyMapping, type ColumnMapping, type ProgramFields } from './mapping';
import { withWorkerProgress } from '../workers/progress';

/**
 * Above this size the parse and the save move to a worker; below it a worker costs more than it
 * saves. 128 KiB of short CSV rows is ~10k rows: tens of ms to parse on the page; 1 MiB (~85k
 * such rows) took the main thread for about a second.
 */
export const WORKER_THRESHOLD_BYTES = 128 * 1024;

/** Column names that are not Python identifiers are renamed (and reported as warnings). */
const OPTIONS = { renameColumns: 'auto' as const };

/** A parsed upload waiting for its column mapping. */
export interface Upload {
  /** The dataset as parsed; for a large file only its first rows (the rest stay in the worker). */
  preview: Dataset;
  rowCount: number;
  warnings: string[];
  /** Maps the columns and stores the dataset (all or nothing); resolves to its id. */
  save(projectId: string, mapping: ColumnMapping, program: ProgramFields, onProgress: (fraction: number) => void): Promise<string>;
  /** Lets go of the parsed rows (the upload was saved, discarded or replaced). */
  discard(): void;
}

export type UploadResult = { ok: true; upload: Upload } | { ok: false; error: ImportError };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads an uploaded file; never throws (errors come back as an ImportError). */
export async function readUpload(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength < WORKER_THRESHOLD_BYTES) {
    const result = parseDataset({ name: file.name, bytes }, { ...OPTIONS, onProgress });
    if (!result.ok) return result;
    const parsed = result.dataset;
    return {
      ok: true,
      upload: {
        preview: parsed,
        rowCount: parsed.rows.length,
        warnings: result.warnings,
        async save(projectId, mapping, program, onSaved) {
          const dataset = applyMapping(parsed, mapping, program);
          await datasets.put(projectId, dataset, { onProgress: onSaved });
          return dataset.id;
        },
        discard: () => undefined,
      },
    };
  }
  // The worker keeps the rows from parse to save; it ends when the upload is saved or let go.
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import-worker' });
  const remote = wrap<ImportWorkerApi>(worker);
  try {
    // The bytes move to the worker (transferred, not copied): the page needs them no more.
    const result = await withWorkerProgress<WorkerParse>(onProgress, (callback) => remote.parse(file.name, transfer(bytes, [bytes.buffer]), OPTIONS, callback));
    if (!result.ok) {
      worker.terminate();
      return result;
    }
    return {
      ok: true,
      upload: {
        preview: result.preview,
        rowCount: result.rowCount,
        warnings: result.warnings,
        async save(projectId, mapping, program, onSaved) {
          const id = await withWorkerProgress(onSaved, (callback) => remote.save(projectId, mapping, program, callback));
          worker.terminate();
          return id;
        },
        discard: () => worker.terminate(),
      },
    };
  } catch (error) {
    worker.terminate();
    return { ok: false, error: { file: file.name, message: `could not read the file: ${message(error)}` } };
  }
}
