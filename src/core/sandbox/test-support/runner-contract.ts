import { expect, it } from 'vitest';
import type { CodeRunner } from '../types';

/**
 * The behaviour every CodeRunner shares, as Vitest cases: call it inside a `describe` with a
 * factory for the runner under test. `spins` is false for runners that cannot stop a synchronous
 * endless loop (the inline test runner).
 */
export function codeRunnerContract(runner: () => CodeRunner, options: { spins: boolean }): void {
  it('binds args as parameters and returns the value', async () => {
    const result = await runner().run({ code: 'return { sum: a + b, words: text.split(" ") };', args: { a: 2, b: 3, text: 'x y' } });
    expect(result).toEqual({ ok: true, value: { sum: 5, words: ['x', 'y'] } });
  });

  it('awaits promises and timers inside the limit', async () => {
    const result = await runner().run({ code: 'await new Promise((r) => setTimeout(r, 5)); return 7;', args: {} });
    expect(result).toEqual({ ok: true, value: 7 });
  });

  it('captures console.log lines', async () => {
    const result = await runner().run({ code: 'console.log("seen", { n: 1 }); return true;', args: {} });
    expect(result).toEqual({ ok: true, value: true, logs: ['seen {"n":1}'] });
  });

  it('reports a throw with the label', async () => {
    const result = await runner().run({ code: 'throw new Error("bad input");', args: {}, label: "tool 'search'" });
    expect(result).toEqual({ ok: false, error: "tool 'search' failed: bad input" });
  });

  it('reports a syntax error with the label', async () => {
    const result = await runner().run({ code: 'return (;', args: {}, label: "code node 'clean'" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^code node 'clean' failed: .*(syntax|Unexpected token)/i);
  });

  it('refuses a result that is not JSON', async () => {
    const result = await runner().run({ code: 'const a = {}; a.self = a; return a;', args: {}, label: 'metric' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^metric failed: its result is not JSON/);
  });

  it('refuses an argument name that is not an identifier', async () => {
    const result = await runner().run({ code: 'return 1;', args: { 'not ok': 1 }, label: 'metric' });
    expect(result).toEqual({ ok: false, error: "metric failed: 'not ok' cannot be a parameter name" });
  });

  it('ends a never-settling promise with a timeout naming the label', async () => {
    const result = await runner().run({ code: 'await new Promise(() => {});', args: {}, timeoutMs: 100, label: "tool 'search'" });
    expect(result).toEqual({ ok: false, error: "tool 'search' timed out after 100 ms" });
  });

  it('copies arguments: the code cannot change the caller\u2019s objects', async () => {
    const gold = { answer: 'x' };
    await runner().run({ code: 'gold.answer = "changed"; return null;', args: { gold } });
    expect(gold.answer).toBe('x');
  });

  if (options.spins) {
    it('ends while(true) with a timeout and keeps working afterwards', async () => {
      const r = runner();
      expect(await r.run({ code: 'while (true) {}', args: {}, timeoutMs: 150, label: 'metric' })).toEqual({ ok: false, error: 'metric timed out after 150 ms' });
      expect(await r.run({ code: 'return n * 2;', args: { n: 21 } })).toEqual({ ok: true, value: 42 });
    });

    it('has no network, process or require', async () => {
      const r = runner();
      const net = await r.run({ code: 'return await fetch("http://127.0.0.1:9/");', args: {}, label: 'metric' });
      expect(net.ok).toBe(false);
      if (!net.ok) expect(net.error).toMatch(/^metric failed: fetch is not allowed/);
      expect(await r.run({ code: 'return [typeof process, typeof require, typeof globalThis.Buffer];', args: {} })).toEqual({ ok: true, value: ['undefined', 'undefined', 'undefined'] });
    });
  }
}
