import { exportDspyJson } from '../../core/formats/dspy-json';
import { exportDspyPython } from '../../core/formats/dspy-python';
import { assertValidGraph } from '../../core/program/validate';
import { programState } from '../../core/program/state';
import type { ProgramGraph } from '../../core/program/types';
import { slug } from './download';

export type ProgramExportKind = 'dspy-json' | 'dspy-python';

export interface ExportedFile {
  fileName: string;
  text: string;
  type: string;
}

/** The DSPy exports need a runnable graph: an invalid one is refused with its problems listed. */
export function programExport(kind: ProgramExportKind, name: string, graph: ProgramGraph): ExportedFile {
  assertValidGraph(graph);
  const base = slug(name);
  switch (kind) {
    case 'dspy-json':
      return { fileName: `${base}.dspy.json`, text: exportDspyJson(graph, programState(graph)), type: 'application/json' };
    case 'dspy-python':
      // The Python module loads the JSON export saved beside it.
      return { fileName: `${base}.py`, text: exportDspyPython(graph, { jsonPath: `${base}.dspy.json` }), type: 'text/x-python' };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown export ${String(unknown)}`);
    }
  }
}
