import { expose, proxy, wrap } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createInlineCodeRunner } from '../core/sandbox/test-support/inline-runner';
import type { CodeRunner } from '../core/sandbox/types';
import { createCodeBridge, NO_SANDBOX_MESSAGE } from './code-bridge';
import type { CodeBridgeApi, EvaluateCommand, WorkerEvent } from './protocol';
import type { Example } from '../core/data/types';
import { graphFromSignature } from '../core/program/build';
import { CODE_DISABLED_MESSAGE, disabledCodeRunner } from '../core/sandbox/project-code';
import { parseSignature } from '../core/signature';
import { generateArithmetic } from '../sim';
import { createRunDispatcher } from './dispatcher';
import { memoryPersistence } from './resume-test-support';

/** The worker's side exposed on one port, the page's proxy on the other, as comlink does between the two. */
function connected(pageRunner: CodeRunner) {
  const bridge = createCodeBridge();
  const { port1, port2 } = new MessageChannel();
  const api: CodeBridgeApi = { provideCodeRunner: (runner) => bridge.provide(runner) };
  expose(api, port1 as unknown as Parameters<typeof expose>[1]);
  const remote = wrap<CodeBridgeApi>(port2 as unknown as Parameters<typeof wrap>[0]);
  return { bridge, ready: remote.provideCodeRunner(proxy(pageRunner)), close: () => (port1.close(), port2.close()) };
}

describe('code bridge', () => {
  it('forwards requests to the page\u2019s runner over comlink', async () => {
    const { bridge, ready, close } = connected(createInlineCodeRunner());
    try {
      await ready;
      expect(await bridge.runner.run({ code: 'return a * 2;', args: { a: 21 }, signal: new AbortController().signal })).toEqual({ ok: true, value: 42 });
    } finally {
      close();
    }
  });

  it('refuses with a clear message before the page provides a runner', async () => {
    expect(await createCodeBridge().runner.run({ code: 'return 1', args: {}, label: 'custom metric' })).toEqual({ ok: false, error: `custom metric failed: ${NO_SANDBOX_MESSAGE}` });
  });

  it('stops waiting when the run is cancelled', async () => {
    const bridge = createCodeBridge();
    bridge.provide({ run: () => new Promise(() => undefined) });
    const controller = new AbortController();
    const pending = bridge.runner.run({ code: '', args: {}, label: 'metric', signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: 'metric was cancelled' });
  });
});

describe('runs with the custom metric', () => {
  const rows: Example[] = generateArithmetic(6, 5).map((r, i) => ({ id: `row-${i + 1}`, data: { ...r } }));
  const graph = graphFromSignature(parseSignature('a: int, b: int -> sum: int'), { name: 'add' });
  const evaluate = (code: string): EvaluateCommand => ({
    type: 'evaluate', runId: 'ev-code', projectId: 'p1', graph, metricId: 'custom', metricConfig: { code }, concurrency: 3,
    provider: { kind: 'demo', taskModel: 'sim-1', latencyMs: 0 }, examples: rows, split: 'dev',
  });

  it('scores an evaluation with the project\u2019s metric code through the bridged sandbox', async () => {
    const bridge = createCodeBridge();
    bridge.provide(createInlineCodeRunner());
    const events: WorkerEvent[] = [];
    const dispatcher = createRunDispatcher({ persistence: memoryPersistence().persistence, services: () => ({ code: bridge.runner }) });
    await dispatcher.dispatch(evaluate('return { score: 0.5, feedback: `saw ${pred.sum} for ${gold.sum}` };'), (e) => events.push(e));
    const last = events.at(-1);
    expect(last?.type).toBe('evaluated');
    if (last?.type !== 'evaluated') return;
    expect(last.summary.score).toBe(0.5);
    expect(last.summary.examples.every((e) => /^saw .* for \d+$/.test(e.feedback ?? ''))).toBe(true);
  });

  it('finishes with each example\u2019s failure as feedback when the sandbox refuses', async () => {
    const bridge = createCodeBridge();
    bridge.provide(disabledCodeRunner());
    const events: WorkerEvent[] = [];
    await createRunDispatcher({ persistence: memoryPersistence().persistence, services: () => ({ code: bridge.runner }) }).dispatch(evaluate('return 1;'), (e) => events.push(e));
    const last = events.at(-1);
    if (last?.type !== 'evaluated') throw new Error(`expected evaluated, got ${last?.type}`);
    expect(last.summary.score).toBe(0);
    expect(last.summary.examples.map((e) => e.feedback)).toEqual(rows.map(() => `${CODE_DISABLED_MESSAGE} (custom metric did not run)`));
  });
});
