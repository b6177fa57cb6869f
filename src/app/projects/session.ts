import { loadProject, saveProject } from '../../core/formats/project';
import { corpora, datasets, importProjectFile, projects, settings } from '../../db';
import type { ProjectRecord } from '../../db';
import { starterGraph } from '../editor/node-factory';
import { downloadText, slug } from '../layout/download';
import { useProjectStore } from '../state/project-store';
import { copyCodeTrust, markImportedCode } from '../sandbox/code-trust';
import { startAutosave, type Autosave } from './autosave';
import { addMissingSamples, describeAddedSamples, fetchBundledSample, type SampleHost } from './samples';

/** Frozen setting names: they live in the user's database. */
const LAST_PROJECT = 'lastProjectId';
const SEEDED = 'samplesSeeded';
const FIRST_SAMPLE_NAME = 'Add two numbers';

let autosave: Autosave | undefined;
let started: Promise<void> | undefined;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startSession(): () => void {
  autosave = startAutosave(useProjectStore, (id, patch) => projects.save(id, patch), {
    onError: (error) => useProjectStore.getState().setNotice(`Could not save the project: ${errorText(error)}`),
    onStatus: (status) => useProjectStore.getState().setSaveStatus(status),
  });
  const flush = () => void autosave?.flush();
  window.addEventListener('pagehide', flush);
  // Once per page: StrictMode mounts twice, and seeding twice would duplicate the samples.
  started ??= openInitialProject().catch((error) => useProjectStore.getState().setNotice(`Could not open a project: ${errorText(error)}`));
  return () => {
    window.removeEventListener('pagehide', flush);
    autosave?.stop();
  };
}

const sampleHost: SampleHost = {
  fetchSample: fetchBundledSample,
  projectNames: async () => (await projects.list()).map((p) => p.name),
  importFile: importProjectFile,
};

async function seedSamples(): Promise<ProjectRecord | undefined> {
  // Skipping names already there makes a seeding cut short by a closed tab safe to redo.
  const { added } = await addMissingSamples(sampleHost);
  await settings.set(SEEDED, true);
  return added.find((record) => record.name === FIRST_SAMPLE_NAME);
}

let addingSamples: Promise<string> | undefined;

/**
 * Adds the bundled samples no project is named after (for users from before a sample shipped) and
 * says what it added. A second call while one runs shares it, so a double click adds nothing twice.
 */
export function addSampleProjects(): Promise<string> {
  addingSamples ??= (async () => {
    await autosave?.flush();
    return describeAddedSamples(await addMissingSamples(sampleHost));
  })().finally(() => {
    addingSamples = undefined;
  });
  return addingSamples;
}

async function openInitialProject(): Promise<void> {
  if (!(await settings.get<boolean>(SEEDED))) {
    const first = await seedSamples();
    if (first) return openProject(first.id);
  }
  const lastId = await settings.get<string>(LAST_PROJECT);
  const last = lastId ? await projects.get(lastId) : undefined;
  const target = last ?? (await projects.list())[0];
  if (target) await openProject(target.id);
}

/** Saves what is pending for the open project, then opens another. */
export async function openProject(id: string): Promise<void> {
  await autosave?.flush();
  const record = await projects.get(id);
  if (!record) throw new Error(`project ${id} no longer exists`);
  useProjectStore.getState().open(record);
  await settings.set(LAST_PROJECT, id);
}

export async function createProject(name = 'Untitled project'): Promise<void> {
  const record = await projects.create({ name, graph: starterGraph() });
  await openProject(record.id);
}

export async function renameProject(id: string, name: string): Promise<void> {
  const store = useProjectStore.getState();
  if (store.projectId === id) store.rename(name);
  else await projects.save(id, { name });
}

export async function duplicateProject(id: string): Promise<void> {
  await autosave?.flush();
  const copy = await projects.duplicate(id);
  await copyCodeTrust(id, copy.id);
  await openProject(copy.id);
}

export async function deleteProject(id: string): Promise<void> {
  const store = useProjectStore.getState();
  if (store.projectId === id) {
    await autosave?.flush();
    store.close();
  }
  await projects.remove(id);
  if (!useProjectStore.getState().projectId) {
    const next = (await projects.list())[0];
    if (next) await openProject(next.id);
  }
}

/** A project file never holds a key: saveProject strips anything that looks like one. */
export async function exportOpenProject(): Promise<void> {
  await autosave?.flush();
  const { projectId, name, graph, settings: projectSettings } = useProjectStore.getState();
  if (!projectId) throw new Error('no project is open');
  const stored = await datasets.listFor(projectId);
  const plain = stored.map(({ projectId: _p, updatedAt: _u, ...dataset }) => dataset);
  const bundled = await corpora.exportFor(projectId);
  downloadText(`${slug(name)}.prompt-studio.json`, saveProject({ name, graph, datasets: plain, settings: projectSettings, ...(bundled.length > 0 ? { corpora: bundled } : {}) }));
}

/** Validates (migrate, then validate) before anything is written; the file's own name is kept. */
export async function importProjectText(text: string, fileName: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON (${errorText(error)})`, { cause: error });
  }
  const loaded = loadProject(json);
  if (!loaded.ok) throw new Error(`${fileName}: ${loaded.error}`);
  const record = await importProjectFile(loaded.value);
  // Code that came in the file waits for the user's yes (the dialog asks when it opens).
  await markImportedCode(record.id, loaded.value);
  await openProject(record.id);
}
