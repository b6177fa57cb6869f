import { expose } from 'comlink';
import { parseDataset, type ImportResult, type ParseOptions } from '../../core/data';

/** Parses big uploads off the main thread so the page stays responsive. */
const api = {
  parse(name: string, bytes: Uint8Array, options: Omit<ParseOptions, 'onProgress'>, onProgress: (fraction: number) => void): ImportResult {
    return parseDataset({ name, bytes }, { ...options, onProgress });
  },
};

export type ImportWorkerApi = typeof api;

expose(api);
