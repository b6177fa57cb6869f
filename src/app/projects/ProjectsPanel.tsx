import { useRef, useState, type ChangeEvent } from 'react';
import { useProjectStore } from '../state/project-store';
import { ProjectRow } from './ProjectRow';
import { createProject, deleteProject, duplicateProject, importProjectText, openProject, renameProject } from './session';
import { useProjectList } from './useProjectList';

/** The saved projects: open, new, rename, duplicate, delete (confirmed) and import. */
export function ProjectsPanel() {
  const list = useProjectList();
  const openId = useProjectStore((s) => s.projectId);
  const openName = useProjectStore((s) => s.name);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const onImport = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) run(async () => importProjectText(await file.text(), file.name));
  };

  return (
    <section className="panel projects" aria-labelledby="projects-heading">
      <div className="panel-title">
        <h2 id="projects-heading">Projects</h2>
        <button type="button" className="small" onClick={() => run(() => createProject())}>New project</button>
      </div>
      {list === undefined ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">No projects yet.</p>
      ) : (
        <ul className="project-list" aria-label="Projects">
          {list.map((p) => (
            <ProjectRow
              key={p.id}
              project={p}
              name={p.id === openId ? openName : p.name}
              isOpen={p.id === openId}
              onOpen={() => run(() => openProject(p.id))}
              onRename={(name) => run(() => renameProject(p.id, name))}
              onDuplicate={() => run(() => duplicateProject(p.id))}
              onDelete={() => run(() => deleteProject(p.id))}
            />
          ))}
        </ul>
      )}
      <button type="button" className="ghost small" onClick={() => fileInput.current?.click()}>Import project file…</button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Import project file" onChange={onImport} />
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
