import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDspyJson } from '../../core/formats/dspy-json';
import { saveProject } from '../../core/formats/project';
import { graphFromSignature } from '../../core/program/build';
import { programState } from '../../core/program/state';
import { parseSignature } from '../../core/signature';
import { dumpDb } from '../../db/test-support';
import { providers, settings, studioDb } from '../../db';
import { programExport } from '../layout/export-files';
import { useProjectStore } from '../state/project-store';
import { DEMO_PROVIDER_ID } from './presets';
import { activeProviderSpec, useProviderStore } from './store';

const KEY = 'sk-proj-APPHYGIENE-0a1b2c3d4e5f6a7b';
const FRAGMENT = 'APPHYGIENE';
const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });
const record = { id: 'p1', name: 'My provider', baseURL: 'http://127.0.0.1:9/v1', models: ['m-1'], taskModel: 'm-1', remember: false };

beforeEach(async () => {
  for (const p of await providers.list()) await providers.remove(p.id);
  await settings.remove('activeProviderId');
  useProviderStore.setState({ saved: [], sessionKeys: {}, activeId: DEMO_PROVIDER_ID, loaded: false });
  useProjectStore.getState().open({ id: 'proj-1', name: 'Keys', graph, settings: { metric: 'exact-match', provider: record.id } });
});

describe('an API key the user typed', () => {
  it('reaches the worker spec but no export: project file, DSPy JSON, DSPy Python', async () => {
    await useProviderStore.getState().save(record, KEY);
    expect(activeProviderSpec()).toMatchObject({ kind: 'http', apiKey: KEY });
    const { name, graph: g, settings: s } = useProjectStore.getState();
    const exports = [
      saveProject({ name, graph: g, datasets: [], settings: s }),
      programExport('dspy-json', name, g).text,
      programExport('dspy-python', name, g).text,
      exportDspyJson(g, programState(g), () => ({ model: 'm-1' })),
    ];
    for (const text of exports) expect(text).not.toContain(FRAGMENT);
    // Nor does it sit in the project's state or its undo history.
    expect(JSON.stringify(useProjectStore.getState())).not.toContain(FRAGMENT);
    expect(JSON.stringify(useProjectStore.temporal.getState())).not.toContain(FRAGMENT);
  });

  it('is not written to the database unless "remember on this device" is on', async () => {
    await useProviderStore.getState().save(record, KEY);
    const plain = Buffer.from(await dumpDb(studioDb()), 'base64').toString('latin1');
    expect(plain).toContain('My provider'); // the dump does hold the provider, so the check below means something
    expect(plain).not.toContain(FRAGMENT);
    await useProviderStore.getState().save({ ...record, remember: true }, KEY);
    expect(Buffer.from(await dumpDb(studioDb()), 'base64').toString('latin1')).toContain(FRAGMENT);
  });
});

/** Every .ts/.tsx source file under `dir`, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the URL', () => {
  it('is never written by the app: no pushState, replaceState, location or hash writes, no query strings built', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const files = ['app', 'worker', 'db'].flatMap((dir) => sources(join(root, dir)));
    expect(files.length).toBeGreaterThan(20);
    const writers = /\b(pushState|replaceState)\s*\(|\blocation\.(hash|search|href|assign|replace)\b|\blocation\s*=|new URLSearchParams|\bsearchParams\.(set|append)\(/;
    const offenders = files.filter((file) => writers.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
