import { describe, expect, it } from 'vitest';
import { graphFromSignature } from '../../core/program/build';
import { parseSignature } from '../../core/signature';
import { slug } from './download';
import { programExport } from './export-files';

const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });

describe('program export', () => {
  it('writes DSPy JSON keyed by predictor name, and Python that loads it', () => {
    const json = programExport('dspy-json', 'Add two numbers', graph);
    expect(json.fileName).toBe('add-two-numbers.dspy.json');
    expect(Object.keys(JSON.parse(json.text) as object)).toEqual(['add', 'metadata']);
    const py = programExport('dspy-python', 'Add two numbers', graph);
    expect(py.fileName).toBe('add-two-numbers.py');
    expect(py.text).toContain('add-two-numbers.dspy.json');
  });

  it('refuses a graph that cannot run, naming the problem', () => {
    const broken = { ...graph, edges: graph.edges.filter((e) => e.targetField !== 'b') };
    expect(() => programExport('dspy-json', 'x', broken)).toThrow("'add': input 'b' is not connected");
  });

  it('makes file names from project names', () => {
    expect(slug('  Ünïcode & spaces! ')).toBe('n-code-spaces');
    expect(slug('***')).toBe('project');
  });
});
