import { abortedMessage, codeLabel, failure } from '../core/sandbox/script';
import type { CodeRunner, CodeRunRequest, CodeRunResult } from '../core/sandbox/types';

/**
 * The run worker has no DOM, so it cannot make the sandbox's iframe: the page lends it its own
 * CodeRunner over comlink (`provide`), and `runner` forwards each request there. An AbortSignal
 * cannot cross the boundary, so cancelling a run ends the wait here at once; the page's runner
 * still ends the code itself by its time limit.
 */
export interface CodeBridge {
  runner: CodeRunner;
  provide(remote: CodeRunner): void;
}

export const NO_SANDBOX_MESSAGE = 'no code sandbox is connected to the run worker (the page did not provide one)';

export function createCodeBridge(): CodeBridge {
  let remote: CodeRunner | undefined;
  return {
    provide(next) {
      remote = next;
    },
    runner: {
      async run(request: CodeRunRequest): Promise<CodeRunResult> {
        const label = codeLabel(request);
        if (!remote) return failure(label, NO_SANDBOX_MESSAGE);
        const { signal, ...plain } = request;
        if (signal?.aborted) return { ok: false, error: abortedMessage(label) };
        let onAbort: (() => void) | undefined;
        const aborted = new Promise<CodeRunResult>((resolve) => {
          onAbort = () => resolve({ ok: false, error: abortedMessage(label) });
          signal?.addEventListener('abort', onAbort, { once: true });
        });
        try {
          return await Promise.race([remote.run(plain), aborted]);
        } catch (error) {
          return failure(label, `the page's code sandbox is unreachable (${error instanceof Error ? error.message : String(error)})`);
        } finally {
          if (onAbort) signal?.removeEventListener('abort', onAbort);
        }
      },
    },
  };
}
