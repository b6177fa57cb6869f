import { describe, expect, it } from 'vitest';
import { graphFromSignature } from '../program/build';
import { loadProject, PROJECT_FORMAT, saveProject } from './project';

const graph = graphFromSignature({ instructions: 'Add.', inputs: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], outputs: [{ name: 'sum', type: 'int' }] }, { name: 'add' });

describe('project file', () => {
  it('round-trips a graph and never writes a key, at any depth', () => {
    const text = saveProject({ name: 'Add', graph, datasets: [], settings: { metric: 'exact-match', provider: { baseURL: 'http://x', apiKey: 'sk-secret-123' }, api_key: 'sk-secret-456' } });
    expect(text).not.toContain('sk-secret');
    const loaded = loadProject(JSON.parse(text));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.value.graph).toEqual(graph);
      expect(loaded.value.settings).toEqual({ metric: 'exact-match', provider: { baseURL: 'http://x' } });
    }
  });

  it('names what is wrong: the format, a newer version, or the path of a bad value', () => {
    expect(loadProject([])).toEqual({ ok: false, error: 'a project file is a JSON object' });
    expect(loadProject({ format: 'other' })).toMatchObject({ ok: false, error: expect.stringContaining('not a Prompt Studio project') });
    expect(loadProject({ format: PROJECT_FORMAT, version: 99 })).toMatchObject({ ok: false, error: expect.stringContaining('newer Prompt Studio') });
    const bad = JSON.parse(saveProject({ name: 'x', graph, datasets: [], settings: {} }));
    bad.graph.nodes[1].signature.inputs[0].name = 7;
    expect(loadProject(bad)).toMatchObject({ ok: false, error: expect.stringMatching(/^graph\.nodes\.1/) });
  });
});
