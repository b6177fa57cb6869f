import { formatImportError, parseDataset } from '../core/data';
import type { Example } from '../core/data/types';
import type { ProgramGraph } from '../core/program/types';
import { isInputNode, isOutputNode } from '../core/program/types';
import type { Io } from './io';

export interface LoadedExamples {
  examples: Example[];
  /** Output fields the data labels: what the metric compares. */
  fields: string[];
  inputKeys: string[];
}

/**
 * Reads a data file for a program: every program input must be a column, and at least one
 * program output must be labelled. Errors name the file, the line and the column.
 */
export async function loadExamples(io: Io, path: string, graph: ProgramGraph): Promise<LoadedExamples> {
  const imported = parseDataset({ name: path, bytes: await io.readFile(path) });
  if (!imported.ok) throw new Error(formatImportError(imported.error));
  const { dataset } = imported;
  const inputKeys = graph.nodes.find(isInputNode)?.fields.map((f) => f.name) ?? [];
  const outputs = graph.nodes.find(isOutputNode)?.fields.map((f) => f.name) ?? [];
  const columns = new Set(dataset.fields.map((f) => f.name));
  const missing = inputKeys.filter((k) => !columns.has(k));
  if (missing.length > 0) throw new Error(`${path} has no column ${missing.map((k) => `'${k}'`).join(', ')} (columns: ${[...columns].join(', ')})`);
  const fields = outputs.filter((f) => columns.has(f));
  if (fields.length === 0) throw new Error(`${path} has no label column for the program's outputs (${outputs.join(', ')})`);
  return { examples: dataset.rows, fields, inputKeys };
}
