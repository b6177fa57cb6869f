/** Generated inputs of the UI benchmark: a large project file and a large CSV. */
import type { ProjectFile } from '../../src/core/formats/project';
import type { GraphEdge, GraphNode } from '../../src/core/program/types';

const COLUMNS = 20;

/**
 * A project whose graph has `modules` Predict nodes plus Input and Output, wired as a chain
 * (each module's `out` feeds the next one's `x`) with extra skip edges into `y` until the graph
 * has `edges` edges. Every edge joins real fields, so the graph is valid, only large.
 */
export function largeProject(modules: number, edgeCount: number): ProjectFile {
  const nodes: GraphNode[] = [{ id: 'input', type: 'Input', fields: [{ name: 'question', type: 'str' }], position: { x: 0, y: 0 } }];
  for (let i = 1; i <= modules; i++) {
    nodes.push({
      id: `m${i}`,
      type: 'Predict',
      name: `step${i}`,
      signature: { instructions: `Step ${i}.`, inputs: [{ name: 'x', type: 'str' }, { name: 'y', type: 'str' }], outputs: [{ name: 'out', type: 'str' }] },
      demos: [],
      config: {},
      position: { x: 240 * (i % COLUMNS), y: 160 * Math.floor(i / COLUMNS) },
    });
  }
  nodes.push({ id: 'output', type: 'Output', fields: [{ name: 'answer', type: 'str' }], position: { x: 240 * COLUMNS, y: 0 } });
  const edges: GraphEdge[] = [{ id: 'e-in', source: 'input', sourceField: 'question', target: 'm1', targetField: 'x' }];
  for (let i = 1; i < modules; i++) edges.push({ id: `e-chain-${i}`, source: `m${i}`, sourceField: 'out', target: `m${i + 1}`, targetField: 'x' });
  edges.push({ id: 'e-out', source: `m${modules}`, sourceField: 'out', target: 'output', targetField: 'answer' });
  // Skip edges feed each module's `y` from an earlier module (or the question), one per module at most.
  for (let i = 2; i <= modules && edges.length < edgeCount; i++) {
    const from = i > 2 ? `m${i - 2}` : 'input';
    edges.push({ id: `e-skip-${i}`, source: from, sourceField: from === 'input' ? 'question' : 'out', target: `m${i}`, targetField: 'y' });
  }
  return { format: 'prompt-studio/project', version: 1, name: `Large graph ${modules + 2} nodes`, graph: { nodes, edges }, datasets: [], settings: {} };
}

/** A CSV of `rows` additions (a, b, sum) with a header, as a user would upload it. */
export function largeCsv(rows: number): string {
  const lines = ['a,b,sum'];
  for (let i = 0; i < rows; i++) {
    const a = (i * 7919) % 1000;
    const b = (i * 104729) % 1000;
    lines.push(`${a},${b},${a + b}`);
  }
  return `${lines.join('\n')}\n`;
}
