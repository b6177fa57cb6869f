import { loadProject, type ProjectFile } from '../../core/formats/project';
import type { ProjectRecord } from '../../db';

/** The bundled sample projects, files under public/samples/. */
export const SAMPLE_FILES = ['add-two-numbers.json', 'support-tickets.json', 'multihop-qa.json'] as const;

/** What adding samples needs from its surroundings (the browser passes fetch and the database). */
export interface SampleHost {
  /** The parsed JSON of `samples/<file>`. */
  fetchSample(file: string): Promise<unknown>;
  /** The names of the projects there are now. */
  projectNames(): Promise<string[]>;
  /** Stores a project file with its datasets and corpora, all or nothing. */
  importFile(file: ProjectFile): Promise<ProjectRecord>;
}

export interface AddedSamples {
  added: ProjectRecord[];
  /** Names of the samples left out because a project of that name is already there. */
  skipped: string[];
}

/**
 * Adds each bundled sample whose name no project has, so that users who had the studio before a
 * sample shipped can get it without losing (or duplicating) what they have. A sample renamed by
 * its user counts as gone and comes back under its own name.
 */
export async function addMissingSamples(host: SampleHost): Promise<AddedSamples> {
  const present = new Set(await host.projectNames());
  const added: ProjectRecord[] = [];
  const skipped: string[] = [];
  for (const file of SAMPLE_FILES) {
    const loaded = loadProject(await host.fetchSample(file));
    if (!loaded.ok) throw new Error(`samples/${file}: ${loaded.error}`);
    const { name } = loaded.value;
    if (present.has(name)) {
      skipped.push(name);
      continue;
    }
    added.push(await host.importFile(loaded.value));
    present.add(name);
  }
  return { added, skipped };
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** One sentence for the Projects panel saying what was added. */
export function describeAddedSamples({ added, skipped }: AddedSamples): string {
  if (added.length === 0) return `Every sample project is already here (${quoted(skipped)}).`;
  const what = `Added ${added.length === 1 ? 'sample project' : `${added.length} sample projects`}: ${quoted(added.map((r) => r.name))}.`;
  return skipped.length === 0 ? what : `${what} Already here: ${quoted(skipped)}.`;
}

/** The browser's host: samples from the app's own origin. */
export async function fetchBundledSample(file: string): Promise<unknown> {
  const response = await fetch(`${import.meta.env.BASE_URL}samples/${file}`);
  if (!response.ok) throw new Error(`samples/${file}: HTTP ${response.status}`);
  return response.json();
}
