import { abortedMessage, failure, MAX_LOG_LINES, prepareRun, timeoutMessage } from '../../core/sandbox/script';
import type { CodeRunner, CodeRunRequest, CodeRunResult } from '../../core/sandbox/types';

interface SandboxReply {
  type: 'ready' | 'result' | 'broken';
  id?: number;
  ok?: boolean;
  json?: string;
  error?: string;
  logs?: string[];
}

export interface IframeCodeRunner extends CodeRunner {
  /** Removes the iframe; a later run makes a new one. */
  dispose(): void;
}

export interface IframeRunnerOptions {
  /** The sandbox page; `public/sandbox/runner.html` under the app's base URL by default. */
  url?: string;
  /** How long the sandbox may take to start. */
  startTimeoutMs?: number;
}

const READY_TIMEOUT_MS = 10_000;

/**
 * The browser's sandbox: user code runs in a worker inside `<iframe sandbox="allow-scripts">`
 * (an opaque origin, so no storage, cookies or DOM of the studio) whose page forbids all network
 * by CSP. One iframe is reused; requests run one at a time; a request that overruns its limit
 * gets the iframe removed — ending any loop — and the next request starts a fresh one.
 */
export function createIframeCodeRunner(options: IframeRunnerOptions = {}): IframeCodeRunner {
  const url = options.url ?? `${import.meta.env.BASE_URL}sandbox/runner.html`;
  let frame: { element: HTMLIFrameElement; ready: Promise<void> } | undefined;
  let pending: { id: number; settle: (reply: SandboxReply) => void } | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  function create() {
    const element = document.createElement('iframe');
    element.setAttribute('sandbox', 'allow-scripts');
    element.title = 'Code sandbox';
    element.setAttribute('aria-hidden', 'true');
    element.tabIndex = -1;
    element.style.display = 'none';
    element.src = url;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the code sandbox did not start within ${(options.startTimeoutMs ?? READY_TIMEOUT_MS) / 1000} s`)), options.startTimeoutMs ?? READY_TIMEOUT_MS);
      const onMessage = (event: MessageEvent) => {
        // Only the sandbox's own window speaks for it; anything else posting to the page is ignored.
        if (!frame || frame.element !== element || event.source !== element.contentWindow) return;
        const reply = event.data as SandboxReply;
        if (reply?.type === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (reply?.type === 'broken') {
          clearTimeout(timer);
          reject(new Error(reply.error ?? 'the code sandbox failed'));
          pending?.settle(reply);
        } else if (reply?.type === 'result' && pending && reply.id === pending.id) {
          pending.settle(reply);
        }
      };
      window.addEventListener('message', onMessage);
      element.addEventListener('sandbox-removed', () => {
        clearTimeout(timer);
        window.removeEventListener('message', onMessage);
      });
    });
    ready.catch(() => undefined);
    document.body.append(element);
    return { element, ready };
  }

  function remove() {
    if (!frame) return;
    frame.element.dispatchEvent(new Event('sandbox-removed'));
    frame.element.remove();
    frame = undefined;
  }

  async function runOne(request: CodeRunRequest): Promise<CodeRunResult> {
    const prepared = prepareRun(request);
    if ('result' in prepared) return prepared.result;
    const { label, script } = prepared;
    const current = (frame ??= create());
    try {
      await current.ready;
    } catch (error) {
      remove();
      return failure(label, error);
    }
    const id = nextId++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const outcome = await new Promise<SandboxReply | 'timeout' | 'aborted'>((resolve) => {
      pending = { id, settle: resolve };
      timer = setTimeout(() => resolve('timeout'), script.timeoutMs);
      onAbort = () => resolve('aborted');
      request.signal?.addEventListener('abort', onAbort, { once: true });
      current.element.contentWindow?.postMessage({ type: 'run', id, source: script.source, argsJson: script.argsJson, maxLogs: MAX_LOG_LINES }, '*');
    });
    pending = undefined;
    clearTimeout(timer);
    if (onAbort) request.signal?.removeEventListener('abort', onAbort);
    if (outcome === 'timeout' || outcome === 'aborted') {
      remove();
      return { ok: false, error: outcome === 'timeout' ? timeoutMessage(label, script.timeoutMs) : abortedMessage(label) };
    }
    if (outcome.type === 'broken') {
      remove();
      return failure(label, outcome.error ?? 'the code sandbox failed');
    }
    const logs = outcome.logs && outcome.logs.length > 0 ? outcome.logs : undefined;
    if (!outcome.ok) return failure(label, outcome.error ?? 'unknown error', logs);
    return { ok: true, value: outcome.json === undefined ? undefined : (JSON.parse(outcome.json) as unknown), ...(logs ? { logs } : {}) };
  }

  return {
    run(request) {
      const result = queue.then(() => runOne(request));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose: remove,
  };
}
