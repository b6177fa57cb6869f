import { useState } from 'react';
import { exportOpenProject } from '../projects/session';
import { useProjectStore } from '../state/project-store';
import { downloadText } from './download';
import { programExport } from './export-files';

type ExportKind = 'project' | 'dspy-json' | 'dspy-python';

const ITEMS: { kind: ExportKind; label: string }[] = [
  { kind: 'project', label: 'Project file (.json)' },
  { kind: 'dspy-json', label: 'DSPy program state (.json)' },
  { kind: 'dspy-python', label: 'DSPy Python module (.py)' },
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const hasProject = useProjectStore((s) => s.projectId !== null);
  const choose = (kind: ExportKind) => {
    setOpen(false);
    const { name, graph, setNotice } = useProjectStore.getState();
    const fail = (e: unknown) => setNotice(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    try {
      if (kind === 'project') exportOpenProject().catch(fail);
      else {
        const file = programExport(kind, name, graph);
        downloadText(file.fileName, file.text, file.type);
      }
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div className="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="ghost" aria-haspopup="menu" aria-expanded={open} disabled={!hasProject} onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      {open && (
        <ul className="menu-list" role="menu" aria-label="Export">
          {ITEMS.map((item) => (
            <li key={item.kind} role="none">
              <button type="button" role="menuitem" onClick={() => choose(item.kind)}>{item.label}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
