import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ProgramGraph } from '../../core/program/types';
import { CODE_DISABLED_MESSAGE } from '../../core/sandbox/project-code';
import { copyCodeTrust, markImportedCode, useCodeTrust } from './code-trust';
import { pageCodeRunner } from './page-runner';

const graph: ProgramGraph = { nodes: [], edges: [] };
const withCode = { graph, settings: { metric: 'custom', metricConfig: { code: 'return 1;' } } };

describe('code permission', () => {
  it('asks for an imported project with code, remembers the answer, and leaves projects made here enabled', async () => {
    await markImportedCode('imported', withCode);
    await markImportedCode('plain', { graph, settings: { metric: 'f1' } });
    const trust = useCodeTrust.getState();
    await trust.load('imported');
    expect(useCodeTrust.getState().status).toBe('pending');
    await useCodeTrust.getState().decide('disabled');
    await trust.load('plain');
    expect(useCodeTrust.getState().status).toBe('enabled');
    await trust.load('imported');
    expect(useCodeTrust.getState().status).toBe('disabled');
    await useCodeTrust.getState().decide('enabled');
    await trust.load('imported');
    expect(useCodeTrust.getState().status).toBe('enabled');
  });

  it('keeps the answer on a copy of the project', async () => {
    await markImportedCode('original', withCode);
    await copyCodeTrust('original', 'copy');
    await copyCodeTrust('made-here', 'copy-of-made-here');
    await useCodeTrust.getState().load('copy');
    expect(useCodeTrust.getState().status).toBe('pending');
    await useCodeTrust.getState().load('copy-of-made-here');
    expect(useCodeTrust.getState().status).toBe('enabled');
  });

  it('makes the page runner refuse, saying so, while code is pending or disabled', async () => {
    await markImportedCode('refused', withCode);
    await useCodeTrust.getState().load('refused');
    const result = await pageCodeRunner.run({ code: 'return 1;', args: {}, label: 'custom metric' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(CODE_DISABLED_MESSAGE);
    useCodeTrust.setState({ status: 'checking' });
    const early = await pageCodeRunner.run({ code: 'return 1;', args: {}, label: 'custom metric' });
    expect(early).toEqual({ ok: false, error: 'code in this project did not run: its permission was still being checked; run again (custom metric did not run)' });
  });
});
