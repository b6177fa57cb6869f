import { useState } from 'react';
import { exportDspyJson } from '../../core/formats/dspy-json';
import { exportDspyPython } from '../../core/formats/dspy-python';
import { downloadText } from '../layout/download';
import { useProjectStore } from '../state/project-store';
import { runProgram, type LiveRun } from './live-run';
import { PromptsDialog } from '../layout/PromptsDialog';

/** Cancel a running run; read, apply or export what a finished one found. */
export function RunActions({ run, onCancel }: { run: LiveRun; onCancel?: () => void }) {
  const applyCandidate = useProjectStore((s) => s.applyCandidate);
  const [viewing, setViewing] = useState(false);
  const program = run.kind === 'optimize' ? runProgram(run) : undefined;
  const running = run.status === 'running';
  return (
    <div className="row run-actions">
      {running && onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel run
        </button>
      )}
      {program && !running && (
        <>
          <button type="button" onClick={() => setViewing(true)}>
            View prompts
          </button>
          <button type="button" onClick={() => applyCandidate(program)}>
            Apply to graph
          </button>
          <button type="button" onClick={() => downloadText('program.json', exportDspyJson(run.graph, program))}>
            Export DSPy JSON
          </button>
          <button type="button" onClick={() => downloadText('program.py', exportDspyPython(run.graph, { jsonPath: 'program.json' }), 'text/x-python')}>
            Export Python
          </button>
        </>
      )}
      {program && viewing && <PromptsDialog title={`Prompts of ${run.label}`} graph={run.graph} program={program} onClose={() => setViewing(false)} />}
    </div>
  );
}
