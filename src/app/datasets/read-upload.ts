import { proxy, wrap } from 'comlink';
import { parseDataset, type ImportResult } from '../../core/data';
import type { ImportWorkerApi } from './import-worker';

/** Above this size the parse moves to a worker; below it a worker costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 1024 * 1024;

/** Column names that are not Python identifiers are renamed (and reported as warnings). */
const OPTIONS = { renameColumns: 'auto' as const };

/** Reads an uploaded file into a dataset; never throws (errors come back as an ImportError). */
export async function readUpload(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength < WORKER_THRESHOLD_BYTES) return parseDataset({ name: file.name, bytes }, { ...OPTIONS, onProgress });
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import-worker' });
  try {
    return await wrap<ImportWorkerApi>(worker).parse(file.name, bytes, OPTIONS, proxy(onProgress));
  } catch (error) {
    return { ok: false, error: { file: file.name, message: `could not read the file: ${error instanceof Error ? error.message : String(error)}` } };
  } finally {
    worker.terminate();
  }
}
