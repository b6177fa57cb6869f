import { afterAll, describe, expect, it } from 'vitest';
import { codeRunnerContract } from '../core/sandbox/test-support/runner-contract';
import { createNodeCodeRunner } from './code-runner';

describe('Node code runner', () => {
  const shared = createNodeCodeRunner();
  afterAll(() => shared.close());
  codeRunnerContract(() => shared, { spins: true });

  it('cannot reach the host realm through its arguments or console', async () => {
    const result = await shared.run({
      code: 'const F = gold.constructor.constructor; const G = console.log.constructor; try { return [F("return typeof process")(), G("return typeof process")()]; } catch (e) { return e.message; }',
      args: { gold: { a: 1 } },
    });
    // eval/new Function are off inside the context, and both constructors are the context's own.
    expect(result).toEqual({ ok: true, value: 'Code generation from strings disallowed for this context' });
  });

  it('gives each run a fresh context', async () => {
    await shared.run({ code: 'globalThis.leak = 1; return null;', args: {} });
    expect(await shared.run({ code: 'return typeof globalThis.leak;', args: {} })).toEqual({ ok: true, value: 'undefined' });
  });

  it('ends code that allocates without bound', async () => {
    const runner = createNodeCodeRunner({ maxMemoryMb: 32 });
    try {
      const result = await runner.run({ code: 'const a = []; while (true) a.push(new Array(1e5).fill(1));', args: {}, timeoutMs: 20_000, label: 'metric' });
      expect(result).toEqual({ ok: false, error: 'metric failed: it ran out of memory' });
      expect(await runner.run({ code: 'return 1;', args: {} })).toEqual({ ok: true, value: 1 });
    } finally {
      await runner.close();
    }
  }, 30_000);

  it('stops a run when its signal aborts', async () => {
    const controller = new AbortController();
    const pending = shared.run({ code: 'while (true) {}', args: {}, timeoutMs: 10_000, label: 'metric', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ ok: false, error: 'metric was cancelled' });
  });
});

describe('Node code runner, hostile code', () => {
  it('never awaits a promise of the code\u2019s realm, so a replaced then() gets no host function', async () => {
    const runner = createNodeCodeRunner();
    try {
      const result = await runner.run({
        code: [
          'Promise.prototype.then = function (resolve) {',
          '  let got;',
          '  try { got = resolve.constructor("return typeof process")(); } catch (e) { got = "refused"; }',
          '  console.log("then called: " + got);',
          '};',
          'return "done";',
        ].join('\n'),
        args: {},
      });
      expect(result.ok).toBe(true);
      expect(result.logs ?? []).not.toContain('then called: object');
      expect(await runner.run({ code: 'return typeof process;', args: {} })).toEqual({ ok: true, value: 'undefined' });
    } finally {
      await runner.close();
    }
  });
});
