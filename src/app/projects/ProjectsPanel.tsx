import { useRef, useState, type ChangeEvent } from 'react';
import { useProjectStore } from '../state/project-store';
import { ProjectRow } from './ProjectRow';
import { addSampleProjects, createProject, deleteProject, duplicateProject, importProjectText, openProject, renameProject } from './session';
import { useProjectList } from './useProjectList';

/** The saved projects: open, new, rename, duplicate, delete (confirmed), import and add the samples again. */
export function ProjectsPanel() {
  const list = useProjectList();
  const openId = useProjectStore((s) => s.projectId);
  const openName = useProjectStore((s) => s.name);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [addingSamples, setAddingSamples] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = (action: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const onAddSamples = () => {
    setAddingSamples(true);
    run(async () => {
      try {
        setMessage(await addSampleProjects());
      } finally {
        setAddingSamples(false);
      }
    });
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
      <button type="button" className="ghost small" disabled={addingSamples} onClick={onAddSamples}>Add sample projects</button>
      {message && <p className="muted" role="status" aria-label="Sample projects">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
