import { abortedMessage, buildCodeScript, failure, logLine, MAX_LOG_LINES, normalizeValue, timeoutMessage } from '../script';
import type { CodeRunner, CodeRunRequest, CodeRunResult } from '../types';

type AsyncFn = (...args: unknown[]) => Promise<unknown>;

/**
 * FOR TESTS ONLY — NOT A SANDBOX. Runs the code in the test's own realm with `new Function`, so it
 * can read globals, `process` and anything else Node offers, and a synchronous endless loop
 * (`while (true) {}`) hangs the test: the time limit only ends code that awaits. It exists so core
 * unit tests (modules, metrics) can run user code without a worker thread or a browser, with the
 * same contract as the real runners: arguments are copied through JSON, a `console.log` inside
 * the code is captured into `logs`, and every failure is `{ ok: false, error }` naming the label.
 * The CLI's `src/cli/code-runner.ts` and the browser's `src/app/sandbox/` are the real ones.
 */
export function createInlineCodeRunner(options: { log?: (line: string) => void } = {}): CodeRunner {
  return {
    async run(request: CodeRunRequest): Promise<CodeRunResult> {
      let script;
      try {
        script = buildCodeScript(request);
      } catch (error) {
        return failure(request.label?.trim() || 'code', error);
      }
      const { label, timeoutMs } = script;
      if (request.signal?.aborted) return { ok: false, error: abortedMessage(label) };
      const logs: string[] = [];
      const console = {
        log: (...values: unknown[]) => {
          const line = logLine(values);
          options.log?.(line);
          if (logs.length < MAX_LOG_LINES) logs.push(line);
        },
      };
      let fn: AsyncFn;
      try {
        // The wrapper shadows `console` so the code's logs land in this run's `logs`.
        fn = (new Function('console', `return ${script.source};`) as (c: typeof console) => AsyncFn)(console);
      } catch (error) {
        return failure(label, error);
      }
      const args = JSON.parse(script.argsJson) as unknown[];
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      const limit = new Promise<CodeRunResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, error: timeoutMessage(label, timeoutMs), ...(logs.length ? { logs } : {}) }), timeoutMs);
        onAbort = () => resolve({ ok: false, error: abortedMessage(label) });
        request.signal?.addEventListener('abort', onAbort, { once: true });
      });
      const work = (async (): Promise<CodeRunResult> => {
        try {
          return normalizeValue(label, await fn(...args), logs);
        } catch (error) {
          return failure(label, error, logs);
        }
      })();
      try {
        return await Promise.race([work, limit]);
      } finally {
        clearTimeout(timer);
        if (onAbort) request.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
