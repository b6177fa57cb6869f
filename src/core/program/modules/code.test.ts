import { describe, expect, it } from 'vitest';
import { FakeLM } from '../../lm/fake-lm';
import { createInlineCodeRunner } from '../../sandbox/test-support/inline-runner';
import { execute } from '../execute';
import { namedPredictors, programState } from '../state';
import type { ModuleNode } from '../types';
import { validateGraph } from '../validate';
import { oneModuleGraph } from './test-support/sim-lm';

function clean(code: string, timeoutMs?: number): ModuleNode {
  return {
    id: 'c', type: 'Code', name: 'clean', config: { code, ...(timeoutMs ? { timeoutMs } : {}) },
    signature: { instructions: '', inputs: [{ name: 'text', type: 'str' }], outputs: [{ name: 'cleaned', type: 'str' }, { name: 'length', type: 'int' }] },
  };
}

const lm = new FakeLM();
const services = { code: createInlineCodeRunner() };
const run = (node: ModuleNode, text: string, withServices = services) => execute(oneModuleGraph(node), programState(oneModuleGraph(node)), { text }, { lm, services: withServices });

describe('Code', () => {
  it('runs the code with each input as a parameter and returns its typed outputs', async () => {
    const node = clean('const cleaned = text.trim(); return { cleaned, length: String(cleaned.length) };');
    expect(namedPredictors(oneModuleGraph(node))).toEqual([]);
    const prediction = await run(node, '  hello  ');
    expect(prediction.error).toBeUndefined();
    expect(prediction.outputs).toEqual({ cleaned: 'hello', length: 5 });
    expect(prediction.trace[0]?.action).toMatchObject({ kind: 'code', result: { cleaned: 'hello', length: '5' } });
    expect(lm.calls).toBe(0);
  });

  it('fails the example with a message naming the node when the code throws, times out or returns the wrong shape', async () => {
    const thrown = await run(clean("throw new Error('no way')"), 'x');
    expect(thrown.error).toMatch(/code node 'clean'.*no way/);
    expect(thrown.trace[0]?.action).toMatchObject({ kind: 'code', error: expect.stringContaining('no way') });
    const slow = await run(clean('await new Promise((r) => setTimeout(r, 500)); return {};', 30), 'x');
    expect(slow.error).toMatch(/code node 'clean'/);
    expect(slow.error).toMatch(/time|30/);
    const missing = await run(clean("return { cleaned: 'a' };"), 'x');
    expect(missing.error).toBe("code node 'clean': returned no 'length'");
    const wrong = await run(clean('return 42;'), 'x');
    expect(wrong.error).toBe("code node 'clean': must return an object with 'cleaned', 'length', but returned 42");
  });

  it('fails naming the missing sandbox', async () => {
    const prediction = await run(clean('return {};'), 'x', {} as typeof services);
    expect(prediction.error).toBe("code node 'clean' needs a code sandbox, and this run was given none");
  });

  it('reports empty code naming the node and setting', () => {
    expect(validateGraph(oneModuleGraph(clean(''))).map((p) => p.message)).toEqual(["Code 'clean': code: write the code"]);
  });
});
